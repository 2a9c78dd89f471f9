// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import blitz.derby.EmbeddedDerby;
import blitz.derby.NetworkDerby;
import blitz.model.DataFolder;

/**
 * Where the store's Derby database lives: a folder, a private in-memory database, or a database a
 * Derby network server holds for a lab ({@code jdbc:derby://host:port/db}, with a user and password;
 * see releng/run-derby-server.sh). Connections go straight to Derby's embedded or network client
 * driver, not through {@code DriverManager}, whose caller checks do not fit OSGi class loaders.
 */
public final class DerbyDatabase {
    /** How a {@code database} setting names a database on a Derby network server. */
    public static final String NETWORK_PREFIX = "jdbc:derby://";

    /** The {@code database} setting that selects an in-memory database. */
    public static final String MEMORY = "memory";
    /** The default {@code database} setting. */
    public static final String DEFAULT_FOLDER = "${blitz.data}/workbench-db";

    /** Derby's SQLState for "database shut down" (also given when a memory database is dropped). */
    private static final String SHUTDOWN_STATE = "08006";
    private static final AtomicInteger MEMORY_DATABASES = new AtomicInteger();

    private final String url;
    private final boolean inMemory;
    /** Beside the folder while a store has the database open; still there when that process died. Null in memory. */
    private final Path openMarker;
    private final Driver driver;
    /** The network server's user and password; empty for an embedded database. */
    private final Properties credentials = new Properties();

    private DerbyDatabase(String url, boolean inMemory, Path openMarker) {
        this.url = url;
        this.inMemory = inMemory;
        this.openMarker = openMarker;
        this.driver = EmbeddedDerby.driver();
    }

    private DerbyDatabase(String networkUrl, String user, String password) {
        this.url = networkUrl;
        this.inMemory = false;
        this.openMarker = null;
        this.driver = NetworkDerby.driver();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
    }

    /**
     * @param setting a folder path ({@code ${blitz.data}} and {@code ${user.home}} are expanded), {@link #MEMORY}, or blank for
     *                {@link #DEFAULT_FOLDER}
     */
    public static DerbyDatabase of(String setting) {
        return of(setting, "", "");
    }

    /**
     * @param setting  as {@link #of(String)}, or {@code jdbc:derby://host:port/database} for a Derby network server
     * @param user     the network server's user (ignored for an embedded database)
     * @param password that user's password (ignored for an embedded database)
     * @throws IllegalArgumentException for a network database without a user
     */
    public static DerbyDatabase of(String setting, String user, String password) {
        DerbyTuning.apply();
        String value = setting == null || setting.isBlank() ? DEFAULT_FOLDER : setting.trim();
        if (value.startsWith(NETWORK_PREFIX)) {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("the Derby network database " + value
                        + " needs a user and password ('user' and '.password' in the store's configuration)");
            }
            return new DerbyDatabase(value, user.trim(), password == null ? "" : password);
        }
        if (value.equals(MEMORY)) {
            return new DerbyDatabase("jdbc:derby:memory:blitz-store-" + MEMORY_DATABASES.incrementAndGet(), true, null);
        }
        Path folder = DataFolder.resolve(value).toAbsolutePath();
        try {
            Files.createDirectories(folder.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the parent of the database folder " + folder, e);
        }
        if (System.getProperty("derby.stream.error.file") == null && System.getProperty("derby.stream.error.method") == null) {
            // Derby writes its log to the working directory unless told otherwise.
            System.setProperty("derby.stream.error.file", folder.resolveSibling("derby.log").toString());
        }
        return new DerbyDatabase("jdbc:derby:" + folder, false, folder.resolveSibling(folder.getFileName() + ".open"));
    }

    /** @return the JDBC URL that opens (and if needed creates) the database */
    public String openUrl() {
        return url + ";create=true";
    }

    public Connection connect() throws SQLException {
        return driver.connect(openUrl(), credentials);
    }

    /** @return what a JPA provider needs to open its own connections: driver class, URL, and the credentials if any */
    public Map<String, Object> jpaConnectionProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.driver", network() ? NetworkDerby.DRIVER_CLASS : "org.apache.derby.jdbc.EmbeddedDriver");
        properties.put("jakarta.persistence.jdbc.url", openUrl());
        if (network()) {
            properties.put("jakarta.persistence.jdbc.user", credentials.getProperty("user"));
            properties.put("jakarta.persistence.jdbc.password", credentials.getProperty("password"));
        }
        return properties;
    }

    /** @return whether a Derby network server holds the database (shared by several workstations) */
    public boolean network() {
        return url.startsWith(NETWORK_PREFIX);
    }

    /**
     * Call after the first connection has booted the database and closed: if the last process that had it
     * open died (its open marker is still there), Derby has just recovered it, and it is shut down cleanly
     * once so that the store's connections boot it again with an empty page cache. Derby's recovery undoes
     * a page allocation that the killed process had logged only in part (the new page initialised, its
     * allocation not yet logged); the undone page stays in Derby's page cache, marked invalid, while the
     * allocation page no longer counts it, and the next insert that extends the table tries to create
     * that page again: "Cannot create new object with key Page(n,Container(0, c)) in PageCache cache"
     * (XBCA0). Then marks the database open until {@link #shutdown}.
     *
     * @return whether the database was restarted
     * @throws SQLException if the clean shutdown fails
     */
    public boolean settleCrashRecovery() throws SQLException {
        if (inMemory || network()) {
            return false; // the network server recovers its databases itself
        }
        boolean crashed = Files.exists(openMarker);
        if (crashed) {
            shutdown();
        }
        try {
            Files.writeString(openMarker, "open by process " + ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new SQLException("cannot mark the database open: " + openMarker, e);
        }
        return crashed;
    }

    public boolean inMemory() {
        return inMemory;
    }

    /**
     * Shuts the database down cleanly (an in-memory one is dropped; one on a network server is left
     * to the server). Every connection must be closed first.
     *
     * @throws SQLException if Derby reports anything but a clean shutdown
     */
    public void shutdown() throws SQLException {
        if (network()) {
            return; // other workstations use the server's database: only the server shuts it down
        }
        try {
            driver.connect(url + (inMemory ? ";drop=true" : ";shutdown=true"), new Properties()).close();
        } catch (SQLException e) {
            if (!SHUTDOWN_STATE.equals(e.getSQLState())) {
                throw e;
            }
            forgetOpen();
            return;
        }
        throw new SQLException("Derby did not shut down " + url);
    }

    private void forgetOpen() throws SQLException {
        if (openMarker == null) {
            return;
        }
        try {
            Files.deleteIfExists(openMarker);
        } catch (IOException e) {
            throw new SQLException("cannot remove the open mark of the cleanly shut down database: " + openMarker, e);
        }
    }

    @Override
    public String toString() {
        return url;
    }
}
