package org.spotlerconnector.sandbox.dataverse;

import java.util.Locale;
import org.spotlerconnector.sandbox.entra.AccessTokens;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * Accepts a request only with {@code Authorization: Bearer <token>} for a token the Entra ID emulator issued, that
 * has not expired and whose audience is this environment (the resource of the scope {@code <env>/.default}; a
 * trailing slash and letter case do not matter) (dataverse-api.md §1). Anything else is a 401 with a
 * {@code WWW-Authenticate: Bearer authorization_uri=…, resource_id=<env>} challenge and an error JSON.
 */
final class BearerAuthentication {
  private static final String PREFIX = "Bearer ";

  private final AccessTokens tokens;

  BearerAuthentication(AccessTokens tokens) {
    this.tokens = tokens;
  }

  /** The client id of the caller's token; throws a 401 when the request is not authenticated. */
  String authenticate(HttpRequest request, String environmentUrl, String authorizationUri) {
    String header = request.header("Authorization").orElse(null);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw unauthorized("The request does not carry a bearer access token.", environmentUrl, authorizationUri);
    }
    AccessTokens.IssuedToken token =
        tokens
            .validate(header.substring(PREFIX.length()).trim())
            .orElseThrow(
                () -> unauthorized("The access token is invalid or has expired.", environmentUrl, authorizationUri));
    if (!normalize(token.audience()).equals(normalize(environmentUrl))) {
      throw unauthorized(
          "The access token was issued for another resource than this environment.", environmentUrl, authorizationUri);
    }
    return token.clientId();
  }

  static DataverseException unauthorized(String message, String environmentUrl, String authorizationUri) {
    return new DataverseException(401, "", message)
        .withHeader(
            "WWW-Authenticate",
            "Bearer authorization_uri=" + authorizationUri + ", resource_id=" + environmentUrl + "/");
  }

  private static String normalize(String url) {
    String trimmed = url == null ? "" : url.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }
}
