// SPDX-License-Identifier: EPL-2.0
/** Apache Derby, embedded: {@link blitz.derby.EmbeddedDerby} gives its JDBC driver. */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.derby;
