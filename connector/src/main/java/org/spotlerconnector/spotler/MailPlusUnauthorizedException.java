package org.spotlerconnector.spotler;

/**
 * 401 or 403: Mail+ refused the credentials, or the account is not entitled to the call. This is a configuration
 * problem for an administrator, never retried.
 */
public final class MailPlusUnauthorizedException extends MailPlusException {
  public MailPlusUnauthorizedException(String operation, int status, String errorType, String serverMessage) {
    super(
        describe(operation, status, errorType, serverMessage)
            + ". Check the Spotler consumer key and secret in the connector configuration, that this REST API key is"
            + " still active in Mail+ (Account settings > Integrations > REST API), that the account's licence"
            + " includes this call, and that this machine's clock is correct (OAuth timestamps).",
        operation,
        status,
        errorType,
        serverMessage);
  }
}
