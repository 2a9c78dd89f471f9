// SPDX-License-Identifier: EPL-2.0
package blitz.model.sync;

/**
 * Progress of a long operation, and the user's wish to cancel it. Implementations adapt it to an
 * Eclipse progress monitor, a console bar or a test. Called from the worker's thread.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Progress {

    /** The operation starts; {@code total} units of work, or -1 when unknown. */
    void begin(String task, long total);

    /** {@code done} units are finished so far (monotonic). */
    void worked(long done);

    /** @return whether the user asked to cancel; polled between chunks */
    boolean isCancelled();

    /** A progress that reports nothing and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void begin(String task, long total) {
        }

        @Override
        public void worked(long done) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
