package org.spotlerconnector.spotler;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Mail+ call that {@link MailPlusClient} has no method for, such as the automation calls the 2022 spec lacks
 * (docs/adr/0003). Sent with {@link MailPlusClient#send(MailPlusRequest)}, it gets the client's signing, rate limit,
 * error mapping and retries. Immutable.
 *
 * <p>Whether a failed call may be repeated follows the method (RFC 9110 §9.2.2): {@code GET}, {@code PUT} and {@code
 * DELETE} are idempotent, {@code POST} is not. A {@code POST} that is harmless to repeat is marked with {@link
 * #idempotent()}. A call that is not idempotent is repeated only after failures that prove the request never reached
 * Mail+ (a refused connection, a 429); when the outcome is unknown, {@link MailPlusOutcomeUnknownException} is thrown.
 */
public final class MailPlusRequest {
  private static final String PLACEHOLDER = "{}";

  private final String method;
  private final String path;
  private final byte[] jsonBody;
  private final boolean idempotent;
  private final Set<Integer> answerStatuses;

  private MailPlusRequest(
      String method, String path, byte[] jsonBody, boolean idempotent, Set<Integer> answerStatuses) {
    this.method = method;
    this.path = path;
    this.jsonBody = jsonBody;
    this.idempotent = idempotent;
    this.answerStatuses = answerStatuses;
  }

  public static MailPlusRequest get(String pathTemplate, String... pathValues) {
    return of("GET", pathTemplate, pathValues);
  }

  public static MailPlusRequest post(String pathTemplate, String... pathValues) {
    return of("POST", pathTemplate, pathValues);
  }

  public static MailPlusRequest put(String pathTemplate, String... pathValues) {
    return of("PUT", pathTemplate, pathValues);
  }

  public static MailPlusRequest delete(String pathTemplate, String... pathValues) {
    return of("DELETE", pathTemplate, pathValues);
  }

  /**
   * @param pathTemplate the path below the base URL, starting with {@code /}; each {@code {}} is replaced by the next
   *     of {@code pathValues}, percent-encoded as one path segment
   */
  public static MailPlusRequest of(String method, String pathTemplate, String... pathValues) {
    Objects.requireNonNull(method, "method cannot be null");
    String upperMethod = method.toUpperCase(Locale.ROOT);
    boolean idempotent = !upperMethod.equals("POST") && !upperMethod.equals("PATCH");
    return new MailPlusRequest(upperMethod, expand(pathTemplate, pathValues), null, idempotent, Set.of());
  }

  /** The body, written as JSON with the Mail+ settings (null fields left out). */
  public MailPlusRequest withJsonBody(Object body) {
    Objects.requireNonNull(body, "body cannot be null");
    return new MailPlusRequest(method, path, MailPlusJson.write(body), idempotent, answerStatuses);
  }

  /** Marks a call whose repetition has no further effect, so that every transient failure may be retried. */
  public MailPlusRequest idempotent() {
    return new MailPlusRequest(method, path, jsonBody, true, answerStatuses);
  }

  /**
   * Error statuses whose body is the answer rather than an error, such as {@code 404} and {@code 417} of the automation
   * trigger, which carry its {@code ExternalTriggerValidationResult} (spotler-api.md §3.1). They are returned, never
   * retried.
   */
  public MailPlusRequest answering(int... statuses) {
    Set<Integer> answers = new TreeSet<>(answerStatuses);
    for (int status : statuses) {
      if (status < 300 || status > 599) {
        throw new IllegalArgumentException("an answering status must be an error status (300-599), got " + status);
      }
      answers.add(status);
    }
    return new MailPlusRequest(method, path, jsonBody, idempotent, Set.copyOf(answers));
  }

  public String method() {
    return method;
  }

  /** The encoded path below the base URL. */
  public String path() {
    return path;
  }

  /** The JSON body, or {@code null} for none. */
  byte[] jsonBody() {
    return jsonBody;
  }

  public boolean isIdempotent() {
    return idempotent;
  }

  public Set<Integer> answerStatuses() {
    return answerStatuses;
  }

  @Override
  public String toString() {
    return method + " " + path + (idempotent ? "" : " (not idempotent)");
  }

  private static String expand(String template, String[] values) {
    Objects.requireNonNull(template, "pathTemplate cannot be null");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("pathTemplate must start with '/', got " + template);
    }
    StringBuilder path = new StringBuilder(template.length() + 32);
    int from = 0;
    int used = 0;
    for (int at = template.indexOf(PLACEHOLDER); at >= 0; at = template.indexOf(PLACEHOLDER, from)) {
      if (used == values.length) {
        throw new IllegalArgumentException(
            "pathTemplate " + template + " has more {} than the " + values.length + " values given");
      }
      String value = values[used++];
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("path value " + used + " of " + template + " cannot be null or empty");
      }
      path.append(template, from, at).append(PercentEncoding.encode(value));
      from = at + PLACEHOLDER.length();
    }
    if (used != values.length) {
      throw new IllegalArgumentException(
          "pathTemplate " + template + " has " + used + " {} but " + values.length + " values were given");
    }
    return path.append(template.substring(from)).toString();
  }
}
