package org.spotlerconnector.sandbox.entra;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer tokens the Entra ID emulator has issued, shared with the Dataverse emulator, which accepts only tokens
 * that are known, unexpired and issued for its own resource.
 */
public final class AccessTokens {
  private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private volatile Duration lifetime = Duration.ofHours(1);

  public AccessTokens(Clock clock) {
    this.clock = clock;
  }

  /** A token and what it was issued for: the application (client id), which acts as the Dataverse user. */
  public record IssuedToken(String value, String tenant, String clientId, String audience, Instant expiresAt) {}

  public IssuedToken issue(String tenant, String clientId, String audience) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String value = "sbx." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    IssuedToken token = new IssuedToken(value, tenant, clientId, audience, clock.instant().plus(lifetime));
    tokens.put(value, token);
    return token;
  }

  /** The token if it is known and not expired. */
  public Optional<IssuedToken> validate(String value) {
    IssuedToken token = tokens.get(value);
    if (token == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      tokens.remove(value);
      return Optional.empty();
    }
    return Optional.of(token);
  }

  /** Sets the lifetime of tokens issued from now on (the real service issues about an hour). */
  public void lifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** Forgets every token, as if all had expired. */
  public void revokeAll() {
    tokens.clear();
  }

  public Clock clock() {
    return clock;
  }
}
