// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import blitz.model.server.ServerStore;
import blitz.testing.CapturedLog;
import blitz.testing.FreePort;
import blitz.testing.RedisServerFixture;
import blitz.testing.TestCertificates;
import blitz.testing.TestFolders;
import blitz.testing.Osgi;

/**
 * The Redis store against real servers that demand credentials ({@code requirepass} and an ACL user) or
 * TLS (certificates made by openssl for the test): it works with the right settings, refuses with a clear
 * error otherwise, and never shows a password in an error, a service property or the log.
 */
class RedisCredentialsAndTlsTest {
    private static final String PASSWORD = "requirepass-Q7v-secret";
    private static final String USER_PASSWORD = "acl-user-K2m-secret";
    private static final String WRONG_PASSWORD = "wrong-5Zr-secret";
    private static final String ROTATED_PASSWORD = "rotated-8Hd-secret";
    private final CapturedLog log = new CapturedLog("blitz");

    @BeforeEach
    void captureLog() {
        log.attach();
    }

    @AfterEach
    void removeConfiguration() {
        log.detach();
        Stores.unconfigure(Stores.REDIS_PID);
    }

    private static ServerStore open(String uri, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("uri", uri);
        properties.put("dataFolder", TestFolders.newFolder("redis-spool").toString());
        properties.put("retryIntervalMs", 100);
        properties.put("connectTimeoutMs", 2_000);
        properties.put("commandTimeoutMs", 2_000);
        return Stores.configure(Stores.REDIS_PID, "redis", properties);
    }

    /** @return the new session's id, after storing three messages in it and reading them back */
    private static long roundTrip(ServerStore store) {
        long id = store.startSession();
        assertEquals(3, store.queueAll(List.of("a", "b", "c")));
        store.stopSession();
        assertEquals(List.of("a", "b", "c"), store.allFromSession(id));
        return id;
    }

    @Test
    void passwordAndAclUserWorkAndAWrongPasswordIsRefusedClearly() {
        try (RedisServerFixture redis = RedisServerFixture.start("auth", false, List.of("--requirepass", PASSWORD,
                "--user", "blitz", "on", ">" + USER_PASSWORD, "~*", "&*", "+@all"))) {
            ServerStore withPassword = open(redis.uri(), Map.of(".password", PASSWORD));
            long first = roundTrip(withPassword);
            assertEquals(List.of("3"), redis.cli("-a", PASSWORD, "--no-auth-warning", "LLEN", "session_" + first));

            ServerStore asUser = open(redis.uri(), Map.of("user", "blitz", ".password", USER_PASSWORD));
            roundTrip(asUser);
            assertTrue(String.join("\n", redis.cli("-a", PASSWORD, "--no-auth-warning", "CLIENT", "LIST")).contains("user=blitz"),
                    "the store's connections are the ACL user's");
            assertNoPasswordInServiceProperties();

            // the user's password is changed on the server and its connections cut: the writer's outage warning
            // says why, without a password
            asUser.startSession();
            redis.cli("-a", PASSWORD, "--no-auth-warning", "ACL", "SETUSER", "blitz", "resetpass", ">" + ROTATED_PASSWORD);
            redis.cli("-a", PASSWORD, "--no-auth-warning", "CLIENT", "KILL", "USER", "blitz");
            asUser.queueAll(List.of("d", "e"));
            waitFor("the refusal is reported", () -> asUser.health().detail().contains("refused the credentials of user 'blitz'"));
            assertFalse(asUser.health().connected());
            waitFor("the outage is logged", () -> log.count("redis://127.0.0.1:" + redis.port()) > 0);
            asUser.stopSession();

            ServerStore wrong = open(redis.uri(), Map.of("user", "blitz", ".password", WRONG_PASSWORD));
            IllegalStateException refused = assertThrows(IllegalStateException.class, wrong::startSession);
            assertTrue(refused.getMessage().contains("refused the credentials of user 'blitz': WRONGPASS"), refused.getMessage());
            assertNoSecretIn(refused.getMessage() + wrong.health());

            ServerStore without = open(redis.uri(), Map.of());
            refused = assertThrows(IllegalStateException.class, without::startSession);
            assertTrue(refused.getMessage().contains("refused the credentials of the default user: NOAUTH"), refused.getMessage());
            log.assertNeverContains(PASSWORD, USER_PASSWORD, WRONG_PASSWORD, ROTATED_PASSWORD);
        }
    }

    @Test
    void tlsWithTheCaFileWorksAndAnUntrustedServerIsRefusedClearly() {
        TestCertificates certificates = TestCertificates.make(TestFolders.newFolder("redis-tls"));
        int tlsPort = FreePort.find();
        try (RedisServerFixture redis = RedisServerFixture.start("tls", false, List.of("--tls-port", Integer.toString(tlsPort),
                "--tls-cert-file", certificates.serverCertificate().toString(), "--tls-key-file",
                certificates.serverKey().toString(), "--tls-ca-cert-file", certificates.caCertificate().toString(),
                "--tls-auth-clients", "no"))) {
            String uri = "rediss://127.0.0.1:" + tlsPort + "/0";
            ServerStore trusted = open(uri, Map.of("caFile", certificates.caCertificate().toString()));
            long id = roundTrip(trusted); // the TLS port speaks nothing but TLS
            assertEquals(List.of("3"), redis.cli("LLEN", "session_" + id), "stored in this server");

            ServerStore untrusted = open(uri, Map.of());
            IllegalStateException refused = assertThrows(IllegalStateException.class, untrusted::startSession);
            assertTrue(refused.getMessage().contains("Redis at " + uri + ": the TLS handshake failed"), refused.getMessage());

            ServerStore plainToTls = open("redis://127.0.0.1:" + tlsPort + "/0", Map.of());
            assertThrows(IllegalStateException.class, plainToTls::startSession, "no plain text on the TLS port");
        }
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        try {
            RedisServerStoreTest.waitFor(what, condition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertNoPasswordInServiceProperties() {
        ServiceReference<ServerStore> reference = Osgi.context().getServiceReference(ServerStore.class);
        for (String key : reference.getPropertyKeys()) {
            assertNoSecretIn(key + "=" + reference.getProperty(key));
        }
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : List.of(PASSWORD, USER_PASSWORD, WRONG_PASSWORD, ROTATED_PASSWORD)) {
            assertFalse(text.contains(secret), "a password shows in: " + text);
        }
    }
}
