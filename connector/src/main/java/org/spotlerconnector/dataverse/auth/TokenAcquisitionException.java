package org.spotlerconnector.dataverse.auth;

/**
 * The identity provider refused to issue a token: wrong tenant, client id or secret, a disabled app, a bad scope.
 * Retrying does not help; the configuration must change. The message carries the provider's {@code error} and
 * {@code error_description} (which name the AADSTS code) and never the secret.
 */
public class TokenAcquisitionException extends RuntimeException {
  private final int status;
  private final String error;

  public TokenAcquisitionException(String message, int status, String error, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.error = error;
  }

  /** The HTTP status of the token response, or 0 when none was received. */
  public int status() {
    return status;
  }

  /** The OAuth error code, e.g. {@code invalid_client}, or an empty string. */
  public String error() {
    return error;
  }
}
