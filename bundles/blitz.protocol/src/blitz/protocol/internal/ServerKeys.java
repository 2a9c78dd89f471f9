// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import blitz.model.connection.Endpoint;

/**
 * The runtime's CURVE key pair, generated once and kept in a file only its user can read (mode 600), so
 * clients can keep the public key. Format: {@code public-key=<Z85>} and {@code secret-key=<Z85>} lines.
 */
record ServerKeys(String publicKey, String secretKey) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Reads the key pair from {@code file}, creating it first when it does not exist. */
    static synchronized ServerKeys loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        restrict(file);
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            properties.load(reader);
        }
        String publicKey = properties.getProperty("public-key", "").trim();
        String secretKey = properties.getProperty("secret-key", "").trim();
        if (!valid(publicKey) || !valid(secretKey)) {
            throw new IOException(file + " does not hold a CURVE key pair (public-key= and secret-key=, 40 Z85 characters"
                    + " each); remove it to have a new pair generated");
        }
        return new ServerKeys(publicKey, secretKey);
    }

    private static boolean valid(String z85) {
        return Endpoint.isCurveKey(z85);
    }

    private static void create(Path file) throws IOException {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        if (isPosix(file.toAbsolutePath().getParent())) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY)); // never readable by others, not even briefly
        }
        Files.write(temp, List.of("# Blitz logger protocol CURVE key pair. Keep it secret: the secret key lets anyone",
                "# pose as this runtime. Clients need only the public key (shell: protocol:key).",
                "public-key=" + pair.publicKey, "secret-key=" + pair.secretKey), StandardCharsets.US_ASCII);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
        }
        LOG.info("Generated the logger protocol's CURVE key pair in {}", file);
    }

    private static void restrict(Path file) throws IOException {
        if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            LOG.warn("{} was readable by other users: its permissions are now 600", file);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    @Override
    public String toString() {
        return "ServerKeys[public " + publicKey + "]"; // never the secret
    }
}
