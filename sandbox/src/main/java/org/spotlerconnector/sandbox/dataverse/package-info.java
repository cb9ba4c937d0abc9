/**
 * An in-memory emulator of the Dataverse Web API ({@code /api/data/v9.2/}) that follows the documented behaviour in
 * dataverse-api.md. {@link org.spotlerconnector.sandbox.dataverse.DataverseEmulator} is the entry point; the rest of
 * the package is organised as:
 *
 * <ul>
 *   <li>the table model: {@code TableDefinition}, {@code ColumnDefinition}, {@code LookupTarget},
 *       {@code BuiltInTables};
 *   <li>the store: {@code DataverseStore} (all tables, the version counter, the lock and the undo log),
 *       {@code TableStore} (rows and their indexes), {@code Records} (writes as the server makes them);
 *   <li>the protocol: {@code DataverseApi} (routing), {@code CollectionQuery}, {@code ChangeTracking},
 *       {@code EntityEndpoint}, with the readers and writers of URLs, headers and bodies they use;
 *   <li>the edges: {@code BearerAuthentication}, {@code ServiceProtection} and the inspection API.
 * </ul>
 *
 * The sub-packages {@code query} ({@code $filter}, {@code $orderby}, {@code $select}) and {@code batch}
 * ({@code $batch}, bulk messages) plug into it.
 */
package org.spotlerconnector.sandbox.dataverse;
