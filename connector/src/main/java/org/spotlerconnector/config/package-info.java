/**
 * The connector's configuration: one YAML file read by {@link org.spotlerconnector.config.ConfigLoader} into the
 * immutable {@link org.spotlerconnector.config.ConnectorConfig}.
 *
 * <pre>{@code
 * connection:
 *   id: contoso-prod                       # default: default
 * dataverse:
 *   url: https://contoso.crm4.dynamics.com
 *   tenant: contoso.onmicrosoft.com
 *   clientId: ${DATAVERSE_CLIENT_ID}
 *   clientSecret: ${file:/run/secrets/dataverse-client-secret}
 *   # authority: https://login.microsoftonline.com/<tenant>   (the default)
 *   # tokenUrl: http://127.0.0.1:8081/token                   (plain client credentials instead of Entra ID)
 *   pageSize: 5000
 *   budget: {requestsPerWindow: 6000, executionTimePerWindow: 20m, window: 5m, maxConcurrentRequests: 52}
 * spotler:
 *   baseUrl: https://restapi.mailplus.nl/integrationservice
 *   consumerKey: ${SPOTLER_CONSUMER_KEY}
 *   consumerSecret: ${SPOTLER_CONSUMER_SECRET}
 *   requestsPerSecond: 5
 *   timeZone: Europe/Amsterdam
 * store:
 *   url: jdbc:sqlite:data/connector.db     # or jdbc:postgresql://host/db with user and password
 * sync:
 *   outbound:
 *     tables: {contact: true, lead: true, account: true}
 *     pollInterval: 5s                     # 500ms, 5s, 2m, 1h, 1m30s or ISO-8601 (PT5S)
 *     batchSize: 100                       # at most 100
 *     onInactive: anonymize                # anonymize | clear-permissions | ignore
 *     onDelete: anonymize
 *     onDoNotEmail: anonymize
 *   inbound:                               # only acts on rows mapped <- or <-> and on @map(permissions)
 *     pollInterval: 1m
 *     overlap: 10m                         # each read starts this much before the last one ended
 *     newSubscribers:
 *       createAs: contact                  # lead | contact | entity | ignore
 *       matchOn: [emailaddress1]
 *   lists:                                 # marketing lists marked for sync become Spotler audiences
 *     refreshEvery: 1h                     # off: only Sync Marketing List jobs sync them
 *     onRemove: delete                     # delete | keep the audience of a list no longer synced
 * mapping:                                 # leave out to use the default mapping (default-mapping.yml)
 *   - spotler: email
 *     contact: emailaddress1
 *     lead: emailaddress1
 *   - spotler: organisation
 *     contact: parentcustomerid_account.name
 *     lead: companyname
 *     filter: statecode=0
 *   - spotler: permissions
 *     contact: "@map(permissions)"
 *     direction: <->
 * }</pre>
 */
package org.spotlerconnector.config;
