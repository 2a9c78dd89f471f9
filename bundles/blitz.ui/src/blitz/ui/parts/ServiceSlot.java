// SPDX-License-Identifier: EPL-2.0
package blitz.ui.parts;

import java.util.function.BiFunction;

import org.eclipse.swt.widgets.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One optional value a view gets by injection (an OSGi service through {@code @Optional @Service}, or a
 * context value), which may come, go or be replaced at any time on any thread. The view's
 * {@code @Inject} setter hands each value to {@link #set}; once the view's controls exist
 * ({@link #open}), every change runs {@code onChange} on the UI thread. A slot made with a binding also
 * holds a listener on the current value ({@code bind}, e.g. a connection listener or a live values
 * subscription), which it closes when the value changes and when the view is disposed ({@link #close}).
 *
 * @param <T> the type of the value
 */
public final class ServiceSlot<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceSlot.class);

    private final Runnable onChange;
    private final BiFunction<T, Display, AutoCloseable> bind;
    private volatile T value;
    private volatile Display display;
    private AutoCloseable bound;
    private boolean closed;

    private ServiceSlot(Runnable onChange, BiFunction<T, Display, AutoCloseable> bind) {
        this.onChange = onChange;
        this.bind = bind;
    }

    /** @return a slot that runs {@code onChange} on the UI thread whenever its value changes */
    public static <T> ServiceSlot<T> of(Runnable onChange) {
        return new ServiceSlot<>(onChange, (value, display) -> null);
    }

    /**
     * @param bind attaches a listener to a value on the UI thread; what it returns is closed when the
     *             value changes or the view is disposed
     * @return a slot that keeps a listener on its value, and runs {@code onChange} whenever it changes
     */
    public static <T> ServiceSlot<T> of(Runnable onChange, BiFunction<T, Display, AutoCloseable> bind) {
        return new ServiceSlot<>(onChange, bind);
    }

    /** Takes a new value (or {@code null}: none), on any thread; the view reacts on the UI thread. */
    public void set(T newValue) {
        value = newValue;
        Display shown = display;
        if (shown != null && !shown.isDisposed()) {
            shown.asyncExec(() -> {
                if (!shown.isDisposed()) {
                    rebind();
                }
            });
        }
    }

    /** @return the current value, or {@code null} while there is none */
    public T get() {
        return value;
    }

    /** Called on the UI thread once the view's controls exist: binds the current value and runs {@code onChange}. */
    public void open(Display uiDisplay) {
        display = uiDisplay;
        rebind();
    }

    private void rebind() {
        if (closed) {
            return;
        }
        unbind();
        T current = value;
        if (current != null) {
            bound = bind.apply(current, display);
        }
        onChange.run();
    }

    private void unbind() {
        if (bound != null) {
            try {
                bound.close();
            } catch (Exception e) {
                LOG.debug("Closing the listener on a departing service failed", e);
            }
            bound = null;
        }
    }

    /** Stops reacting to changes and closes the listener on the current value (the view is disposed). */
    @Override
    public void close() {
        closed = true;
        unbind();
    }
}
