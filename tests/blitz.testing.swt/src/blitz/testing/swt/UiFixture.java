// SPDX-License-Identifier: EPL-2.0
package blitz.testing.swt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import blitz.testing.Osgi;

/**
 * A real SWT shell on the test's X display (Xvfb in the build) holding one view, created by the E4
 * dependency injector from a context backed by the OSGi service registry, exactly as the workbench
 * creates it. Without a display the tests fail: they never skip.
 */
public final class UiFixture implements AutoCloseable {
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(30);

    private final Shell shell;
    private final IEclipseContext context;

    public UiFixture() {
        shell = new Shell(display());
        shell.setLayout(new FillLayout());
        shell.setSize(900, 600);
        context = EclipseContextFactory.getServiceContext(bundleContext()).createChild("blitz.ui.tests");
        // @UIEventTopic deliveries reach the views on the UI thread through this, as in the workbench
        context.set(UISynchronize.class, new UISynchronize() {
            @Override
            public void syncExec(Runnable runnable) {
                shell.getDisplay().syncExec(runnable);
            }

            @Override
            public void asyncExec(Runnable runnable) {
                shell.getDisplay().asyncExec(runnable);
            }

            @Override
            protected boolean isUIThread(Thread thread) {
                return shell.getDisplay().getThread() == thread;
            }

            @Override
            protected void showBusyWhile(Runnable runnable) {
                runnable.run();
            }

            @Override
            protected boolean dispatchEvents() {
                return shell.getDisplay().readAndDispatch();
            }
        });
        // the injector fills extended suppliers (the @UIEventTopic one) from the default context, as E4Application sets it
        ContextInjectionFactory.setDefault(context);
    }

    /** @return the display; fails when there is no X display to open */
    public static Display display() {
        String name = System.getenv("DISPLAY");
        assertFalse(name == null || name.isBlank(),
                "the workbench tests need an X display (DISPLAY): run them through releng/run-tests.sh, which starts Xvfb");
        return Display.getDefault();
    }

    static BundleContext bundleContext() {
        BundleContext context = FrameworkUtil.getBundle(UiFixture.class).getBundleContext();
        assertNotNull(context, "the SWT test support bundle is not started");
        return context;
    }

    /** Creates a view (or the status line) as the workbench does: injected, then its @PostConstruct. */
    public <T> T make(Class<T> type) {
        return make(type, new Composite(shell, SWT.NONE));
    }

    /** Creates a view in {@code parent} (a composite of this shell), as {@link #make(Class)} does. */
    public <T> T make(Class<T> type, Composite parent) {
        IEclipseContext partContext = context.createChild(type.getSimpleName());
        partContext.set(Composite.class, parent);
        T part = ContextInjectionFactory.make(type, partContext);
        shell.layout(true, true);
        shell.open();
        return part;
    }

    /** Creates an addon in the context every view made here inherits from, as the workbench does. */
    public <T> T addon(Class<T> type) {
        return ContextInjectionFactory.make(type, context);
    }

    public Shell shell() {
        return shell;
    }

    /** @return the context views made here are injected from (commands are invoked with it too) */
    public IEclipseContext context() {
        return context;
    }

    /** Runs the event loop until {@code condition} holds, failing with {@code what} after {@code timeoutMs}. */
    public static void waitUntil(String what, long timeoutMs, BooleanSupplier condition) {
        waitUntil(() -> what, timeoutMs, condition);
    }

    public static void waitUntil(Supplier<String> what, long timeoutMs, BooleanSupplier condition) {
        Display display = display();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out after " + timeoutMs + " ms waiting until " + what.get());
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    /** Spins the event loop for a while (lets pending UI work run). */
    public static void spin(long millis) {
        long end = System.currentTimeMillis() + millis;
        waitUntil("time passed", millis + 5_000, () -> System.currentTimeMillis() >= end);
    }

    /** @return every widget of a type under {@code root}, depth first */
    public static <W extends Control> List<W> find(Control root, Class<W> type) {
        List<W> found = new ArrayList<>();
        if (type.isInstance(root)) {
            found.add(type.cast(root));
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                found.addAll(find(child, type));
            }
        }
        return found;
    }

    /** @return the only table in the shell */
    public Table table() {
        List<Table> tables = find(shell, Table.class);
        if (tables.size() != 1) {
            fail("expected one table, found " + tables.size());
        }
        return tables.get(0);
    }

    /** @return a table's cell texts, row by row */
    public static List<List<String>> rows(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (int column = 0; column < table.getColumnCount(); column++) {
                row.add(item.getText(column));
            }
            rows.add(row);
        }
        return rows;
    }

    /** @return a service from the OSGi registry, waiting for Declarative Services to provide it */
    public static <T> T service(Class<T> type) {
        return Osgi.await(type, (String) null, SERVICE_TIMEOUT);
    }

    /** Saves a picture of the shell under the module's work folder (for the docs and for failures). */
    public void screenshot(String name) throws Exception {
        screenshot(shell, name);
    }

    /**
     * Saves a picture of any shell (a dialog, say) as {@code <name>.png} under the module's work folder
     * ({@code blitz.test.workdir}, by default {@code target/work}).
     *
     * @return the file written
     */
    public static Path screenshot(Shell shell, String name) throws Exception {
        Path folder = Path.of(System.getProperty("blitz.test.workdir", "target/work"));
        Files.createDirectories(folder);
        Image image = new Image(shell.getDisplay(), shell.getBounds().width, shell.getBounds().height);
        GC gc = new GC(shell);
        gc.copyArea(image, 0, 0);
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { image.getImageData() };
        Path file = folder.resolve(name + ".png");
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }

    @Override
    public void close() {
        context.dispose();
        shell.dispose();
        spin(50);
    }
}
