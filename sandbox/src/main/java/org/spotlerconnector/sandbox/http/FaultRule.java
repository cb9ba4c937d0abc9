package org.spotlerconnector.sandbox.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One injected fault: which requests it hits (method, path pattern, probability, how many times) and what it does.
 *
 * <ul>
 *   <li>{@code STATUS}: answer {@code status} (with {@code Retry-After} when given) without touching state;
 *   <li>{@code DROP_CONNECTION}: close the connection before the request is handled;
 *   <li>{@code DROP_AFTER_HANDLING}: handle the request (state changes), then close the connection without an answer,
 *       which is what a client sees when a call times out after the server acted on it;
 *   <li>{@code SLOW_BODY}: handle the request, then send the body in small pieces, {@code delayMillis} apart;
 *   <li>{@code DELAY}: wait {@code delayMillis} before handling.
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(
    Kind kind,
    String method,
    String pathPattern,
    Double probability,
    Integer times,
    Integer status,
    Integer retryAfterSeconds,
    Long delayMillis) {

  public enum Kind {
    STATUS,
    DROP_CONNECTION,
    DROP_AFTER_HANDLING,
    SLOW_BODY,
    DELAY
  }

  public FaultRule {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required (one of STATUS, DROP_CONNECTION, DROP_AFTER_HANDLING, SLOW_BODY, DELAY)");
    }
    if (kind == Kind.STATUS && (status == null || status < 400 || status > 599)) {
      throw new IllegalArgumentException("a STATUS fault needs a status between 400 and 599");
    }
    if ((kind == Kind.SLOW_BODY || kind == Kind.DELAY) && (delayMillis == null || delayMillis < 0)) {
      throw new IllegalArgumentException("a " + kind + " fault needs delayMillis >= 0");
    }
    if (probability != null && (probability < 0 || probability > 1)) {
      throw new IllegalArgumentException("probability must be between 0 and 1");
    }
    if (times != null && times < 0) {
      throw new IllegalArgumentException("times must be >= 0");
    }
    if (pathPattern != null) {
      Pattern.compile(pathPattern);
    }
  }

  public static FaultRule status(int status) {
    return new FaultRule(Kind.STATUS, null, null, null, null, status, null, null);
  }

  public static FaultRule of(Kind kind) {
    return new FaultRule(kind, null, null, null, null, null, null, kind == Kind.SLOW_BODY || kind == Kind.DELAY ? 0L : null);
  }

  public FaultRule onMethod(String m) {
    return new FaultRule(kind, m, pathPattern, probability, times, status, retryAfterSeconds, delayMillis);
  }

  public FaultRule onPath(String regex) {
    return new FaultRule(kind, method, regex, probability, times, status, retryAfterSeconds, delayMillis);
  }

  public FaultRule withProbability(double p) {
    return new FaultRule(kind, method, pathPattern, p, times, status, retryAfterSeconds, delayMillis);
  }

  public FaultRule times(int n) {
    return new FaultRule(kind, method, pathPattern, probability, n, status, retryAfterSeconds, delayMillis);
  }

  public FaultRule retryAfter(int seconds) {
    return new FaultRule(kind, method, pathPattern, probability, times, status, seconds, delayMillis);
  }

  public FaultRule delay(long millis) {
    return new FaultRule(kind, method, pathPattern, probability, times, status, retryAfterSeconds, millis);
  }

  boolean matches(HttpRequest request) {
    if (method != null && !method.toUpperCase(Locale.ROOT).equals(request.method())) {
      return false;
    }
    return pathPattern == null || Pattern.compile(pathPattern).matcher(request.path()).find();
  }
}
