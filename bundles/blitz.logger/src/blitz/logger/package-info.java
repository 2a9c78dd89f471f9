// SPDX-License-Identifier: EPL-2.0
/**
 * The logging runtime service: sessions, the live cache, boards and their sources, statistics, the
 * gap ledger, the pre-flight check and notifications. The logger protocol and the shell commands
 * are clients of {@link blitz.logger.LoggingRuntime}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.logger;
