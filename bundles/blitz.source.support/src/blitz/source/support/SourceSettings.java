// SPDX-License-Identifier: EPL-2.0
package blitz.source.support;

/**
 * What {@link PolledSource} needs to know about one configured source.
 *
 * @param id                  the source id (unique in the runtime)
 * @param device              the device for messages and the worker thread's name, e.g. {@code serial port /dev/ttyUSB0}
 * @param workerName          the name of the source's one worker thread
 * @param pollPeriodNanos     time between the starts of two exchanges
 * @param reconnectMaxDelayMs the longest wait between two reconnect attempts
 * @param stopTimeoutMs       the longest time a stop lets the drain take; stop() returns within this + {@link PolledSource#STOP_GRACE_MS}
 * @param configError         why the configuration cannot run, "" when it can
 */
public record SourceSettings(String id, String device, String workerName, long pollPeriodNanos, long reconnectMaxDelayMs,
        long stopTimeoutMs, String configError) {
}
