/**
 * An in-memory emulator of the Dataverse Web API ({@code /api/data/v9.2/}) that follows the documented behaviour in
 * dataverse-api.md. {@link org.spotlerconnector.sandbox.dataverse.DataverseEmulator} is the entry point; the rest of
 * the package is organised as:
 *
 * <ul>
 *   <li>the table model: {@code TableDefinition}, {@code ColumnDefinition}, {@code LookupTarget},
 *       {@code BuiltInTables}, and the platform tables of {@code SystemTables} with their rules
 *       ({@code SystemTableRules}) and starting rows ({@code SystemRows}), and the marketing list tables of
 *       {@code MarketingListTables} with their rules ({@code MarketingListRules}) and cascades
 *       ({@code MarketingListCascade});
 *   <li>the store: {@code DataverseStore} (all tables, the version counter, the lock, the undo log and the work that
 *       waits for a commit), {@code TableStore} (rows and their indexes), {@code Records} (writes as the server makes
 *       them, announced as {@code RowChange}s, with the {@code RowCascade} that changes dependent rows);
 *   <li>the protocol: {@code DataverseApi} (routing), {@code CollectionQuery}, {@code FetchXmlQuery},
 *       {@code ChangeTracking}, {@code EntityEndpoint}, {@code EnvironmentVariables}, {@code RolePrivileges},
 *       {@code MarketingListActions} (with {@code ListMembership}), with the readers and writers of
 *       URLs, headers and bodies they use, and {@code StoreCatalog}, through which the metadata API changes tables;
 *   <li>webhooks: {@code WebhookSteps} (which registered steps a change runs), {@code RemoteExecutionContext} (the
 *       body), {@code WebhookSender} with {@code WebhookAuthentication} (the HTTP call and its retry),
 *       {@code WebhookDeliveries} and {@code AsyncJobs} (what happened);
 *   <li>the edges: {@code BearerAuthentication}, {@code ServiceProtection} and the inspection API.
 * </ul>
 *
 * The sub-packages {@code query} ({@code $filter}, {@code $orderby}, {@code $select}, FetchXML), {@code batch}
 * ({@code $batch}, bulk messages) and {@code metadata} (definitions) plug into it.
 */
package org.spotlerconnector.sandbox.dataverse;
