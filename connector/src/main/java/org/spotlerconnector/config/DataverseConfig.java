package org.spotlerconnector.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach and authenticate to the Dataverse environment.
 *
 * @param url the environment URL, e.g. {@code https://contoso.crm4.dynamics.com} (no trailing slash)
 * @param tenant the Entra ID tenant (id or domain); needed unless {@code authority} or {@code tokenUrl} is set
 * @param clientId the application (client) id of the app registration
 * @param clientSecret its client secret
 * @param authority overrides the Entra ID authority {@code https://login.microsoftonline.com/<tenant>}
 * @param tokenUrl a plain OAuth 2.0 client-credentials token endpoint to use instead of Entra ID through MSAL (for
 *     other identity providers and the sandbox)
 * @param pageSize rows per page, at most {@value #MAX_PAGE_SIZE}
 */
public record DataverseConfig(
    URI url,
    Optional<String> tenant,
    String clientId,
    Secret clientSecret,
    Optional<URI> authority,
    Optional<URI> tokenUrl,
    int pageSize,
    DataverseBudget budget) {
  public static final int DEFAULT_PAGE_SIZE = 5_000;
  public static final int MAX_PAGE_SIZE = 5_000;
  public static final String ENTRA_ID_LOGIN = "https://login.microsoftonline.com/";

  public DataverseConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(budget, "budget");
  }

  /** The Entra ID authority: the configured one, or the tenant's at {@value #ENTRA_ID_LOGIN}. */
  public URI effectiveAuthority() {
    return authority.orElseGet(
        () -> URI.create(ENTRA_ID_LOGIN + tenant.orElseThrow(() -> new IllegalStateException("no tenant set"))));
  }

  /** The OAuth scope for the Web API: {@code <url>/.default}. */
  public String scope() {
    return url + "/.default";
  }
}
