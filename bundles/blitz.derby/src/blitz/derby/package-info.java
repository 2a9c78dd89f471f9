// SPDX-License-Identifier: EPL-2.0
/** Apache Derby: {@link blitz.derby.EmbeddedDerby} gives its embedded JDBC driver, {@link blitz.derby.NetworkDerby} its network client driver. */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.derby;
