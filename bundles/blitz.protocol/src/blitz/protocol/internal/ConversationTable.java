// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversations of the clients seen, by client id, bounded: beyond {@code capacity} the one seen
 * least recently is forgotten, so a scan of many peers cannot exhaust memory. A download that waits
 * longer than the timeout for its {@code ACK} expires. Thread-safe: the server's workers and its socket
 * thread share it.
 */
final class ConversationTable {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationTable.class);

    private final int capacity;
    private final long timeoutMs;
    private final Map<String, Conversation> conversations;
    private long expired;
    private long forgotten;

    ConversationTable(int capacity, long timeoutMs) {
        this.capacity = Math.max(1, capacity);
        this.timeoutMs = Math.max(1, timeoutMs);
        this.conversations = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
                boolean full = size() > ConversationTable.this.capacity;
                if (full) {
                    forgotten++;
                }
                return full;
            }
        };
    }

    /** @return the client's conversation, a new one for a client not (or no longer) remembered */
    synchronized Conversation of(String clientId, long nowMs) {
        Conversation conversation = conversations.computeIfAbsent(clientId, id -> new Conversation(nowMs));
        conversation.seen(nowMs);
        return conversation;
    }

    /**
     * Ends every download that waited too long for its ACK; each is logged and counted.
     *
     * @param inWork whether a client has a request being answered now: not abandoned, whatever its age
     */
    synchronized void expire(long nowMs, Predicate<String> inWork) {
        for (Map.Entry<String, Conversation> entry : conversations.entrySet()) {
            if (!inWork.test(entry.getKey()) && entry.getValue().expire(nowMs, timeoutMs)) {
                expired++;
                LOG.info("Logger protocol: the download of session {} by client {} expired after {} s without ACK",
                        entry.getValue().session(), entry.getKey(), timeoutMs / 1000.0);
            }
        }
    }

    long timeoutMs() {
        return timeoutMs;
    }

    /** @return {@code clients=<remembered> expired=<downloads expired> forgotten=<clients dropped>} */
    synchronized String counts() {
        return "clients=" + conversations.size() + " expired=" + expired + " forgotten=" + forgotten;
    }
}
