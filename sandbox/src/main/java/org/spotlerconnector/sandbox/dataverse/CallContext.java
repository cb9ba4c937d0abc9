package org.spotlerconnector.sandbox.dataverse;

import java.util.UUID;

/**
 * Who is calling and under which URL: the service root (such as {@code http://127.0.0.1:7402/api/data/v9.2}, no
 * trailing slash) used in context URLs, links and {@code OData-EntityId}, and the calling user.
 *
 * @param clientId the application (client) id of the caller's token; null for in-process calls
 */
record CallContext(String serviceRoot, UUID userId, String clientId) {

  String entityUrl(TableDefinition table, UUID id) {
    return serviceRoot + "/" + table.entitySetName() + "(" + id + ")";
  }

  String metadataUrl() {
    return serviceRoot + "/$metadata";
  }
}
