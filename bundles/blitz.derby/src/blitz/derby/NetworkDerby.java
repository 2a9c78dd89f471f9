// SPDX-License-Identifier: EPL-2.0
package blitz.derby;

import java.sql.Driver;

import org.apache.derby.jdbc.ClientDriver;

/**
 * Derby's network client driver ({@code jdbc:derby://host:port/db}), for a store whose database a
 * Derby network server holds for several workstations (releng/run-derby-server.sh). Handed out here
 * for the same reason as {@link EmbeddedDerby}.
 */
public final class NetworkDerby {
    /** The driver's class, for JPA providers that load the driver by name. */
    public static final String DRIVER_CLASS = "org.apache.derby.jdbc.ClientDriver";

    private NetworkDerby() {
    }

    /** @return a new network client driver */
    public static Driver driver() {
        return new ClientDriver();
    }
}
