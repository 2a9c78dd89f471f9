// SPDX-License-Identifier: EPL-2.0
package blitz.source.conformance;

/**
 * The rules of the {@link blitz.model.source.MessageSource} contract the kit checks; a
 * {@link MessageSourceConformance} gets the one a device is made for, so it can configure the source
 * for it (a shorter stop timeout, a slower device).
 */
public enum SourceCheck {
    /** A device that stops answering while it runs costs a stop at most the source's documented bound. */
    STOP_OF_SILENT_DEVICE("bounded stop (a device that stops answering)"),
    /** A sink that holds the worker up costs a stop at most the bound, and the held run delivers nothing more. */
    STOP_WITH_HELD_SINK("bounded stop (a sink that holds the worker up)"),
    /** A stop while the source is still connecting is bounded. */
    STOP_WHILE_CONNECTING("bounded stop (while connecting)"),
    /** A stop delivers what the device still held, and nothing after it returned. */
    STOP_DRAINS("stop drains the device"),
    /** A start right after a stop never has two readers on one device. */
    ONE_READER("never two readers on one device"),
    /** Lost data is reported: bad lines as BAD_LINE, an outage as RECONNECT_GAP, both counted. */
    LOSSES_REPORTED("losses reported"),
    /** A device that goes away and comes back is read again without a new start(). */
    RECONNECT("reconnect after the device comes back");

    private final String rule;

    SourceCheck(String rule) {
        this.rule = rule;
    }

    /** @return the rule as failures name it */
    public String rule() {
        return rule;
    }
}
