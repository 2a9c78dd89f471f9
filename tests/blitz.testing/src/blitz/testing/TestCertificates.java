// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and a server certificate for {@code 127.0.0.1} signed by it, made
 * with {@code openssl} (Debian package {@code openssl}) when a test runs: nothing secret is checked in.
 *
 * @param caCertificate     the CA's certificate (PEM): what a client trusts
 * @param serverCertificate the server's certificate (PEM), subject alternative name IP 127.0.0.1
 * @param serverKey         the server's private key (PEM, unencrypted)
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    /** Makes the CA and the server certificate in {@code folder}. */
    public static TestCertificates make(Path folder) {
        Path caKey = folder.resolve("ca.key");
        Path ca = folder.resolve("ca.crt");
        Path key = folder.resolve("server.key");
        Path request = folder.resolve("server.csr");
        Path certificate = folder.resolve("server.crt");
        Path extensions = folder.resolve("server.ext");
        try {
            Files.writeString(extensions, "subjectAltName=IP:127.0.0.1\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", ca.toString(),
                "-days", "2", "-subj", "/CN=Blitz test CA");
        openssl(folder, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", request.toString(),
                "-subj", "/CN=127.0.0.1");
        openssl(folder, "x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", certificate.toString(), "-days", "2", "-extfile", extensions.toString());
        return new TestCertificates(ca, certificate, key);
    }

    private static void openssl(Path folder, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (install the Debian package 'openssl'): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl (install the Debian package 'openssl')", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
