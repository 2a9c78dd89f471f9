// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

/**
 * A JPA entity that mirrors one model record. Entity field names equal the record's component
 * names, so a query map of component names is also a map of JPQL paths.
 */
interface StoredEntity<R extends Record> {
    R toRecord();
}
