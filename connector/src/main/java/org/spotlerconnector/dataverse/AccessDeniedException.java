package org.spotlerconnector.dataverse;

/**
 * 401 even with a fresh token, or 403: the application user is missing, disabled, or lacks a privilege
 * ({@code PrivilegeDenied}). A configuration problem: fix the application user or its security role.
 */
public class AccessDeniedException extends DataverseException {
  public AccessDeniedException(DataverseError error) {
    super(error);
  }
}
