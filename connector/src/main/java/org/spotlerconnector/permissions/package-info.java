/**
 * Spotler permissions (opt-ins) in Dynamics 365: the connector's Spotler Permission table, one row per record and
 * permission bit, as the Dynamics 365 side of a field mapped {@code @map(permissions)}; the pre-population of new
 * records' rows from the {@code <p>_permissions} environment variables; and the daily refresh of that variable from
 * Spotler. Permissions are matched by bit, never by their editable description (spotler-api.md §2.3).
 */
package org.spotlerconnector.permissions;
