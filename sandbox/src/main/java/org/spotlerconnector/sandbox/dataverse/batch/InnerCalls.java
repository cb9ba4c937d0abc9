package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;

/** Hands inner requests to the emulator on behalf of the caller of the outer request. */
final class InnerCalls {
  private static final Logger LOG = LoggerFactory.getLogger(InnerCalls.class);

  private final OperationExecutor executor;
  private final String authorization;

  /** Inner requests run as the caller of the outer request, so they carry its {@code Authorization}. */
  InnerCalls(OperationExecutor executor, HttpRequest outer) {
    this.executor = executor;
    this.authorization = outer.header("Authorization").orElse(null);
  }

  /** The inner request's own headers, plus the caller's identity when the part does not carry one. */
  Map<String, List<String>> headers(Map<String, List<String>> own) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(own);
    if (authorization != null) {
      headers.putIfAbsent("Authorization", List.of(authorization));
    }
    return headers;
  }

  /** The emulator's answer; an exception it lets escape becomes a 500 part instead of breaking the whole batch. */
  HttpResponse execute(HttpRequest request) {
    try {
      return executor.execute(request);
    } catch (RuntimeException e) {
      // no path in the log: an alternate key in it may be an e-mail address
      LOG.atError().addKeyValue("method", request.method()).setCause(e).log("inner request failed unexpectedly");
      return DataverseErrors.error(500, "An unexpected error occurred.");
    }
  }
}
