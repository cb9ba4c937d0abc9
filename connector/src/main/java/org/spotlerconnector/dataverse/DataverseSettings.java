package org.spotlerconnector.dataverse;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.spotlerconnector.dataverse.auth.ClientCredentials;

/**
 * Everything one Dataverse connection needs. Immutable; build with {@link #builder}. {@link #toString()} hides the
 * client secret.
 *
 * @param environmentUrl {@code https://<org>.<region>.dynamics.com}; also the token scope's resource
 * @param tenantId the Entra ID tenant (id or domain)
 * @param clientId the application (client) id of the app registration behind the Dataverse application user
 * @param clientSecret its client secret
 * @param authorityHost the identity provider, default {@code https://login.microsoftonline.com/}
 * @param tokenEndpoint a token endpoint to call instead of the authority's, or null
 * @param apiVersion the Web API version, default {@code v9.2}
 * @param pageSize rows per page ({@code Prefer: odata.maxpagesize}), at most 5,000
 * @param bulkChunkSize targets per CreateMultiple/UpdateMultiple/UpsertMultiple request, at most 1,000
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout time allowed for one response
 * @param retry retries of transient failures
 * @param budget this connection's share of the service protection limits
 */
public record DataverseSettings(
    URI environmentUrl,
    String tenantId,
    String clientId,
    String clientSecret,
    URI authorityHost,
    URI tokenEndpoint,
    String apiVersion,
    int pageSize,
    int bulkChunkSize,
    Duration connectTimeout,
    Duration requestTimeout,
    RetrySettings retry,
    BudgetSettings budget) {

  public static final URI ENTRA_ID = URI.create("https://login.microsoftonline.com/");
  public static final String DEFAULT_API_VERSION = "v9.2";
  /** The largest page Dataverse serves (dataverse-api.md §2.5). */
  public static final int MAX_PAGE_SIZE = 5_000;
  /** The most requests one {@code $batch} may hold, also the suggested starting size of bulk messages (§2.7, §2.8). */
  public static final int MAX_BATCH_REQUESTS = 1_000;

  public DataverseSettings {
    Objects.requireNonNull(environmentUrl, "environmentUrl");
    if (environmentUrl.getScheme() == null || environmentUrl.getHost() == null) {
      throw new IllegalArgumentException("environmentUrl must be absolute, e.g. https://contoso.crm4.dynamics.com");
    }
    requireText(tenantId, "tenantId");
    requireText(clientId, "clientId");
    requireText(clientSecret, "clientSecret");
    Objects.requireNonNull(authorityHost, "authorityHost");
    requireText(apiVersion, "apiVersion");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
    }
    if (bulkChunkSize < 1 || bulkChunkSize > MAX_BATCH_REQUESTS) {
      throw new IllegalArgumentException("bulkChunkSize must be between 1 and " + MAX_BATCH_REQUESTS);
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(budget, "budget");
  }

  public static Builder builder(URI environmentUrl, String tenantId, String clientId, String clientSecret) {
    return new Builder(environmentUrl, tenantId, clientId, clientSecret);
  }

  /** The environment URL without a trailing slash. */
  public String environmentRoot() {
    String url = environmentUrl.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** {@code <environment>/api/data/<version>/}: every entity set, function and action is relative to it. */
  public URI serviceRoot() {
    return URI.create(environmentRoot() + "/api/data/" + apiVersion + "/");
  }

  /** {@code <environment>/.default}, the client-credentials scope (dataverse-api.md §1.1). */
  public String scope() {
    return environmentRoot() + "/.default";
  }

  public ClientCredentials clientCredentials() {
    return new ClientCredentials(authorityHost, tokenEndpoint, tenantId, clientId, clientSecret, scope());
  }

  @Override
  public String toString() {
    return "DataverseSettings[environmentUrl=" + environmentUrl + ", tenantId=" + tenantId + ", clientId=" + clientId
        + ", clientSecret=***, authorityHost=" + authorityHost + ", tokenEndpoint=" + tokenEndpoint
        + ", apiVersion=" + apiVersion + ", pageSize=" + pageSize + ", bulkChunkSize=" + bulkChunkSize
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", retry=" + retry
        + ", budget=" + budget + "]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " cannot be blank");
    }
  }

  /**
   * Defaults: Entra ID, v9.2, pages of 5,000, bulk chunks of 1,000, {@link RetrySettings#DEFAULTS},
   * {@link BudgetSettings#DEFAULTS}, 10 s to connect and 130 s per response (Dataverse stops a request at 2 minutes).
   */
  public static final class Builder {
    private final URI environmentUrl;
    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private URI authorityHost = ENTRA_ID;
    private URI tokenEndpoint;
    private String apiVersion = DEFAULT_API_VERSION;
    private int pageSize = MAX_PAGE_SIZE;
    private int bulkChunkSize = MAX_BATCH_REQUESTS;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(130);
    private RetrySettings retry = RetrySettings.DEFAULTS;
    private BudgetSettings budget = BudgetSettings.DEFAULTS;

    private Builder(URI environmentUrl, String tenantId, String clientId, String clientSecret) {
      this.environmentUrl = environmentUrl;
      this.tenantId = tenantId;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    public Builder authorityHost(URI authorityHost) {
      this.authorityHost = authorityHost;
      return this;
    }

    public Builder tokenEndpoint(URI tokenEndpoint) {
      this.tokenEndpoint = tokenEndpoint;
      return this;
    }

    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    public Builder bulkChunkSize(int bulkChunkSize) {
      this.bulkChunkSize = bulkChunkSize;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder retry(RetrySettings retry) {
      this.retry = retry;
      return this;
    }

    public Builder budget(BudgetSettings budget) {
      this.budget = budget;
      return this;
    }

    public DataverseSettings build() {
      return new DataverseSettings(
          environmentUrl, tenantId, clientId, clientSecret, authorityHost, tokenEndpoint, apiVersion, pageSize,
          bulkChunkSize, connectTimeout, requestTimeout, retry, budget);
    }
  }
}
