package org.spotlerconnector.dataverse.auth;

import java.net.URI;
import java.util.Objects;

/**
 * What an OAuth 2.0 client-credentials grant needs (dataverse-api.md §1.1): the Entra ID tenant, the application's
 * client id and secret, and the scope, which for Dataverse is {@code <environment-url>/.default}.
 *
 * @param authorityHost the identity provider, e.g. {@code https://login.microsoftonline.com/}; the tenant is appended
 * @param tokenEndpointOverride a token endpoint to use as is instead of the one derived from the authority, or null
 */
public record ClientCredentials(
    URI authorityHost, URI tokenEndpointOverride, String tenantId, String clientId, String clientSecret, String scope) {

  public ClientCredentials {
    Objects.requireNonNull(authorityHost, "authorityHost");
    requireText(tenantId, "tenantId");
    requireText(clientId, "clientId");
    requireText(clientSecret, "clientSecret");
    requireText(scope, "scope");
  }

  /** {@code <authority>/<tenant>/}, the form MSAL expects. */
  public String authority() {
    String host = authorityHost.toString();
    return (host.endsWith("/") ? host : host + "/") + tenantId + "/";
  }

  /** The override if set, else {@code <authority>/<tenant>/oauth2/v2.0/token} as Entra ID and MSAL4J compute it. */
  public URI tokenEndpoint() {
    return tokenEndpointOverride != null ? tokenEndpointOverride : URI.create(authority() + "oauth2/v2.0/token");
  }

  @Override
  public String toString() {
    return "ClientCredentials[authority=" + authority() + ", clientId=" + clientId + ", scope=" + scope + "]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " cannot be blank");
    }
  }
}
