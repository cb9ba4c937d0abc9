package org.spotlerconnector.dataverse.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses how to get tokens for a configuration.
 *
 * <ul>
 *   <li>An explicit token endpoint always gets the plain client-credentials provider: whoever sets one wants exactly
 *       that URL called.
 *   <li>An https authority on one of Microsoft's Entra ID hosts gets MSAL4J, the library Microsoft supports for it.
 *   <li>Any other authority (the sandbox's {@code http://127.0.0.1:<port>/}, a test identity provider) gets the plain
 *       provider at {@code <authority>/<tenant>/oauth2/v2.0/token}, because MSAL4J refuses non-https authorities and
 *       asks Microsoft for instance discovery (design.md §7).
 * </ul>
 */
public final class AccessTokenProviders {
  /** The public cloud and the national clouds MSAL4J knows. */
  private static final Set<String> ENTRA_ID_HOSTS =
      Set.of(
          "login.microsoftonline.com",
          "login.microsoftonline.us",
          "login.chinacloudapi.cn",
          "login.partner.microsoftonline.cn");

  private AccessTokenProviders() {}

  public static AccessTokenProvider create(
      ClientCredentials credentials, HttpClient http, Clock clock, Duration requestTimeout) {
    if (usesMsal(credentials)) {
      return new MsalTokenProvider(credentials);
    }
    return new ClientCredentialsTokenProvider(credentials, http, clock, requestTimeout);
  }

  static boolean usesMsal(ClientCredentials credentials) {
    URI authority = credentials.authorityHost();
    return credentials.tokenEndpointOverride() == null
        && "https".equalsIgnoreCase(authority.getScheme())
        && authority.getHost() != null
        && ENTRA_ID_HOSTS.contains(authority.getHost().toLowerCase(Locale.ROOT));
  }
}
