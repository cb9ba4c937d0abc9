package org.spotlerconnector.dataverse.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.spotlerconnector.http.RetryAfter;
import org.spotlerconnector.http.TransientHttpException;

/**
 * Tokens from Microsoft Entra ID through MSAL4J (dataverse-api.md §1.3): one long-lived
 * {@link ConfidentialClientApplication} per (tenant, client), whose in-memory cache returns the token until it is
 * within five minutes of expiring and then fetches a new one. Thread-safe.
 */
public final class MsalTokenProvider implements AccessTokenProvider {
  private final ConfidentialClientApplication application;
  private final Set<String> scopes;
  private final Object forcedRenewal = new Object();
  private volatile String lastToken;
  private volatile String rejectedToken;

  public MsalTokenProvider(ClientCredentials credentials) {
    this(credentials, UnaryOperator.identity());
  }

  /** Lets tests route MSAL's HTTP traffic elsewhere ({@code httpClient}, {@code instanceDiscovery(false)}). */
  MsalTokenProvider(
      ClientCredentials credentials, UnaryOperator<ConfidentialClientApplication.Builder> customization) {
    try {
      this.application =
          customization
              .apply(
                  ConfidentialClientApplication.builder(
                          credentials.clientId(), ClientCredentialFactory.createFromSecret(credentials.clientSecret()))
                      .authority(credentials.authority()))
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a valid authority: " + credentials.authority(), e);
    }
    this.scopes = Set.of(credentials.scope());
  }

  @Override
  public AccessToken token() {
    if (rejectedToken == null) {
      return acquire(false);
    }
    synchronized (forcedRenewal) {
      String rejected = rejectedToken;
      if (rejected == null) {
        return acquire(false);
      }
      AccessToken renewed = acquire(true);
      rejectedToken = null;
      return renewed;
    }
  }

  @Override
  public void invalidate(AccessToken rejected) {
    if (rejected.value().equals(lastToken)) {
      rejectedToken = rejected.value();
    }
  }

  private AccessToken acquire(boolean skipCache) {
    ClientCredentialParameters parameters = ClientCredentialParameters.builder(scopes).skipCache(skipCache).build();
    try {
      IAuthenticationResult result = application.acquireToken(parameters).get();
      lastToken = result.accessToken();
      return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while requesting an access token");
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  private static RuntimeException translate(Throwable failure) {
    if (failure instanceof MsalServiceException service) {
      int status = service.statusCode() == null ? 0 : service.statusCode();
      if (status == 429 || status >= 500) {
        String message = "Entra ID answered " + status + ": " + service.getMessage();
        return new TransientHttpException(message, status, retryAfter(service.headers()), service);
      }
      return new TokenAcquisitionException(
          "Entra ID refused the token request (" + service.errorCode() + "): " + service.getMessage()
              + " (check the tenant, client id, client secret and the Dataverse URL used as scope)",
          status, service.errorCode(), service);
    }
    if (causedByIo(failure)) {
      return new TransientHttpException("Entra ID could not be reached: " + failure, 0, null, failure);
    }
    return new TokenAcquisitionException(
        "token request failed: " + failure.getMessage(), 0, "", failure);
  }

  private static boolean causedByIo(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static Duration retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    Map<String, List<String>> named = new HashMap<>();
    headers.forEach((name, values) -> {
      if (name != null && values != null) {
        named.put(name, values);
      }
    });
    return RetryAfter.from(HttpHeaders.of(named, (name, value) -> true), Clock.systemUTC()).orElse(null);
  }
}
