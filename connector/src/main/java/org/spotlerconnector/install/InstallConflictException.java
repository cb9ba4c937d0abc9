package org.spotlerconnector.install;

/** What exists in Dataverse cannot be combined with the install settings, e.g. a publisher with another prefix. */
public final class InstallConflictException extends RuntimeException {
  public InstallConflictException(String message) {
    super(message);
  }
}
