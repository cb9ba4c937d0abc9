package org.spotlerconnector.dataverse;

/**
 * Dataverse no longer accepts a stored delta link: the change tracking token expired ("Version stamp associated with
 * the client has expired. Please perform a full sync.") or is otherwise invalid. The exact status is not documented,
 * so any 4xx on a delta link other than 401, 403 and 429 lands here (dataverse-api.md §3). The caller should discard
 * the delta link and start again with a full load.
 */
public class DeltaTokenExpiredException extends DataverseException {
  public DeltaTokenExpiredException(DataverseException cause) {
    super(cause.status(), cause.errorCode(), cause.serviceMessage(), cause.requestId(), cause);
  }
}
