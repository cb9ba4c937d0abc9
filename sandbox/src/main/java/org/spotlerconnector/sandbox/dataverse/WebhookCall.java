package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * A webhook to send for one step and one row change: where, how to authenticate, and the RemoteExecutionContext body.
 *
 * @param operationId the id of the system job an asynchronous run records
 * @param organizationDomain the {@code x-ms-dynamics-organization} header: the environment's host name
 */
record WebhookCall(
    UUID stepId,
    String stepName,
    boolean asynchronous,
    boolean deleteJobOnSuccess,
    String url,
    WebhookAuthentication authentication,
    RowChange change,
    ObjectNode body,
    UUID correlationId,
    UUID operationId,
    String organizationDomain) {}
