// SPDX-License-Identifier: EPL-2.0
package blitz.fuzz.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import blitz.protocol.RequestCounts;
import blitz.protocol.RequestHandler;
import blitz.testing.FreePort;
import blitz.testing.Osgi;

/**
 * Seeded fuzzing of the logger protocol's request path (guards, token, lockout, state machine) on the
 * real runtime with the embedded store, through {@link RequestHandler}: the same code the socket
 * thread calls. Inputs are mutations of {@code corpus/requests.txt}. No exception may escape (the reply
 * {@code ERROR 5} means one did inside), every reply is printable ASCII, every input gets the reply its
 * class calls for (an independent classification), and every refused input is counted.
 */
class ProtocolFuzzTest {
    private static final int INPUTS = Integer.getInteger("blitz.fuzz.inputs", 200_000);
    private static final String TOKEN = "fuzz-token";
    private static final int MAX_REQUEST = 512;
    private static final int CLEANUP_EVERY = 1_000;
    /** A long run reports how far it got, so figures exist even when it is cut short. */
    private static final int PROGRESS_EVERY = 1_000_000;
    private static final List<String> DICTIONARY = List.of("AUTH ", TOKEN, " ", "\t", "START", "STOP", "DOWNLOAD ",
            "DELETE ", " FROM ", "ACK", "RESET", "BOARD ", "GAPS ", "DIGEST ", "NOTIFICATIONS ", "-1", "0",
            "99999999999999999999", "9223372036854775807", "ff", "\n", "\r\n");
    private static final AtomicInteger GENERATION = new AtomicInteger();
    /** Not an extension: the protocol is stopped before its configuration goes (see {@link #stopTheProtocol}). */
    private static final Osgi OSGI = new Osgi();

    enum Expected {
        TOO_LONG, NOT_ASCII, MISSING_TOKEN, WRONG_TOKEN, ACCEPTED
    }

    @AfterAll
    static void stopTheProtocol() throws Exception {
        protocolBundle().stop(); // before its configuration goes: it must not rebind on the default port
        OSGI.configure("blitz.protocol", Map.of());
    }

    /** The protocol bundle; the build leaves it stopped so that it starts with the fuzz configuration. */
    private static Bundle protocolBundle() {
        return Arrays.stream(Osgi.context().getBundles()).filter(bundle -> bundle.getSymbolicName().equals("blitz.protocol"))
                .findFirst().orElseThrow(() -> new AssertionError("blitz.protocol is not installed"));
    }

    @Test
    void mutatedRequestsAreAnsweredAsTheirClassSaysAndEveryRefusalIsCounted() throws Exception {
        RequestHandler handler = configure(0);
        Corpus corpus = Corpus.load("corpus/requests.txt", 11, DICTIONARY);
        Map<Expected, Long> expected = new TreeMap<>();
        Map<String, Long> replies = new TreeMap<>();
        Defects failures = new Defects();
        RequestCounts before = handler.counts();
        long started = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = corpus.next();
            Expected kind = classify(input);
            expected.merge(kind, 1L, Long::sum);
            String reply = reply(handler, input, "203.0.113.9", failures);
            replies.merge(firstWords(reply), 1L, Long::sum);
            if (reply != null && !answersAsExpected(kind, reply)) {
                failure(failures, "a " + kind + " input got '" + abbreviate(reply) + "'", input);
            }
            if (i % CLEANUP_EVERY == CLEANUP_EVERY - 1) {
                cleanUp(handler);
            }
            if (i % PROGRESS_EVERY == PROGRESS_EVERY - 1) {
                System.out.printf("protocol fuzz progress: %d inputs, %.0f s, %d defects, classes %s%n", i + 1,
                        (System.nanoTime() - started) / 1e9, failures.count, expected);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        RequestCounts after = handler.counts();
        System.out.printf("protocol fuzz: %d inputs in %.1f s (%.0f/s, loaded machine); classes %s; replies %s; counts %s%n",
                INPUTS, seconds, INPUTS / seconds, expected, replies, after);
        failures.assertNone();
        assertEquals(expected.getOrDefault(Expected.TOO_LONG, 0L), after.tooLong() - before.tooLong(), "too long, counted");
        assertEquals(expected.getOrDefault(Expected.NOT_ASCII, 0L), after.notAscii() - before.notAscii(), "not ASCII, counted");
        assertEquals(expected.getOrDefault(Expected.MISSING_TOKEN, 0L), after.missingToken() - before.missingToken(), "no token");
        assertEquals(expected.getOrDefault(Expected.WRONG_TOKEN, 0L), after.wrongToken() - before.wrongToken(), "wrong token");
        assertEquals(0, after.lockedOut() - before.lockedOut(), "the lockout is off here");
        for (Expected kind : Expected.values()) {
            assertTrue(expected.getOrDefault(kind, 0L) > INPUTS / 100, "too few " + kind + " inputs: " + expected);
        }
    }

    @Test
    void wrongTokensFromManyHostsLockThemOutAndEveryRefusalIsStillCounted() throws Exception {
        RequestHandler handler = configure(2);
        Corpus corpus = Corpus.load("corpus/requests.txt", 12, DICTIONARY);
        Random hosts = new Random(13);
        Map<String, Long> replies = new TreeMap<>();
        Defects failures = new Defects();
        RequestCounts before = handler.counts();
        int inputs = Math.max(20_000, INPUTS / 10);
        for (int i = 0; i < inputs; i++) {
            int host = hosts.nextInt(6_000); // more hosts than the lockout remembers
            String reply = reply(handler, corpus.next(), "198.51." + host / 256 + "." + host % 256, failures);
            replies.merge(firstWords(reply), 1L, Long::sum);
            if (i % CLEANUP_EVERY == CLEANUP_EVERY - 1) {
                cleanUp(handler);
            }
        }
        RequestCounts after = handler.counts();
        System.out.printf("protocol lockout fuzz: %d inputs from 6000 hosts; replies %s; counts %s%n", inputs, replies, after);
        failures.assertNone();
        assertTrue(after.lockedOut() > before.lockedOut(), "some host was locked out");
        assertEquals(replies.getOrDefault("ERROR 4 request longer", 0L), after.tooLong() - before.tooLong());
        assertEquals(replies.getOrDefault("ERROR 4 request is", 0L), after.notAscii() - before.notAscii());
        assertEquals(replies.getOrDefault("ERROR 6 authentication required:", 0L), after.missingToken() - before.missingToken());
        // a wrong token is answered ERROR 6, or ERROR 7 when it is the one that locks the host out
        assertEquals(replies.getOrDefault("ERROR 6 authentication failed:", 0L) + replies.getOrDefault("ERROR 7 locked out:", 0L),
                after.wrongToken() - before.wrongToken() + after.lockedOut() - before.lockedOut());
    }

    /** The reply, or {@code null} (recorded as a defect) when the handler threw or answered badly. */
    private static String reply(RequestHandler handler, byte[] input, String host, Defects failures) {
        try {
            String reply = handler.reply(input, host);
            if (reply == null) {
                failure(failures, "no reply", input);
            } else if (reply.startsWith("ERROR 5")) {
                failure(failures, "an exception inside the protocol: " + abbreviate(reply), input);
            } else if (!reply.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c <= 0x7E))) {
                failure(failures, "a reply that is not printable ASCII", input);
            }
            return reply;
        } catch (RuntimeException | Error e) {
            failure(failures, "an exception escaped: " + e, input);
            return null;
        }
    }

    /** An independent statement of what the guards must do with an input, in the order they do it. */
    static Expected classify(byte[] raw) {
        if (raw.length > MAX_REQUEST) {
            return Expected.TOO_LONG;
        }
        for (byte b : raw) {
            int c = b & 0xFF;
            boolean allowedControl = c == '\t' || c == '\n' || c == '\r';
            if ((c < 0x20 && !allowedControl) || c > 0x7E) {
                return Expected.NOT_ASCII;
            }
        }
        String text = new String(raw, StandardCharsets.US_ASCII).strip();
        if (!text.equals("AUTH") && !text.startsWith("AUTH ")) {
            return Expected.MISSING_TOKEN;
        }
        String[] words = text.split("\\s+", 3);
        return words.length > 1 && words[1].equals(TOKEN) ? Expected.ACCEPTED : Expected.WRONG_TOKEN;
    }

    private static boolean answersAsExpected(Expected kind, String reply) {
        return switch (kind) {
            case TOO_LONG -> reply.equals("ERROR 4 request longer than " + MAX_REQUEST + " bytes");
            case NOT_ASCII -> reply.equals("ERROR 4 request is not printable ASCII");
            case MISSING_TOKEN -> reply.startsWith("ERROR 6 authentication required");
            case WRONG_TOKEN -> reply.equals("ERROR 6 authentication failed: wrong token");
            case ACCEPTED -> !reply.startsWith("ERROR 4 request") && !reply.startsWith("ERROR 6") && !reply.startsWith("ERROR 7");
        };
    }

    /** Ends any download or session and deletes the sessions the inputs started, so the store stays small. */
    private static void cleanUp(RequestHandler handler) {
        send(handler, "RESET");
        send(handler, "STOP");
        for (String line : send(handler, "SESSIONS").split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length == 4 && fields[0].matches("\\d+")) {
                send(handler, "DELETE " + fields[0]);
            }
        }
    }

    private static String send(RequestHandler handler, String request) {
        return handler.reply(("AUTH " + TOKEN + " " + request).getBytes(StandardCharsets.US_ASCII), "127.0.0.1");
    }

    /** @return the reply's first words: "ERROR n" and two more for errors, else the first word */
    private static String firstWords(String reply) {
        if (reply == null) {
            return "(none)";
        }
        String[] words = reply.split("[ \n]", 5);
        return reply.startsWith("ERROR") ? String.join(" ", List.of(words).subList(0, Math.min(4, words.length)))
                : words[0].replaceAll("\\d+", "<n>");
    }

    /** Records a defect; the first 20 are kept with their input. */
    private static void failure(Defects defects, String what, byte[] input) {
        defects.count++;
        if (defects.first.size() < 20) {
            defects.first.add(what + " for input " + abbreviate(escape(input)));
        }
    }

    private static final class Defects {
        long count;
        final List<String> first = new ArrayList<>();

        void assertNone() {
            assertTrue(count == 0, count + " defects, the first:\n" + String.join("\n", first));
        }
    }

    private static String escape(byte[] input) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : input) {
            int c = b & 0xFF;
            out.append(c >= 0x20 && c <= 0x7E && c != '"' ? Character.toString(c) : String.format("\\x%02x", c));
        }
        return out.append('"').toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + " characters)";
    }

    /** Configures the protocol (a free port, the fuzz token) and waits for the instance with that configuration. */
    private static RequestHandler configure(int lockoutAttempts) throws Exception {
        int generation = GENERATION.incrementAndGet();
        OSGI.configure("blitz.protocol", Map.of("port", FreePort.find(), ".token", TOKEN, "maxRequestLength", MAX_REQUEST,
                "lockoutAttempts", lockoutAttempts, "lockoutWindowSeconds", 60, "lockoutSeconds", 1, "fuzz.generation", generation));
        protocolBundle().start();
        return Osgi.await(RequestHandler.class, "(fuzz.generation=" + generation + ")", Duration.ofSeconds(30));
    }

}
