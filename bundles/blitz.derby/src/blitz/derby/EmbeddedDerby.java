// SPDX-License-Identifier: EPL-2.0
package blitz.derby;

import java.sql.Driver;

import org.apache.derby.jdbc.EmbeddedDriver;

/**
 * Derby's embedded JDBC driver, handed out by the bundle that embeds Derby's jars. A bundle that
 * generates its manifest parts with bnd (a {@code pde.bnd}) does not see classes inside another
 * bundle's nested jars at compile time, so it asks here instead of naming {@code EmbeddedDriver}.
 */
public final class EmbeddedDerby {
    private EmbeddedDerby() {
    }

    /** @return a new embedded driver; connecting through it boots Derby in this JVM if it is not running */
    public static Driver driver() {
        return new EmbeddedDriver();
    }
}
