package org.spotlerconnector.sandbox.http;

import java.util.Optional;

/** What an emulated service plugs into an {@link EmulatorServer}. */
public interface Emulator {

  /** A short name used in logs and printed URLs, such as {@code dataverse}. */
  String name();

  /** Handles a call of the emulated API. */
  HttpResponse handle(HttpRequest request) throws Exception;

  /**
   * Handles an emulator-specific inspection call under {@code /_sandbox/} (seed, reset, read state); empty when the
   * path is not one of this emulator's.
   */
  default Optional<HttpResponse> inspect(HttpRequest request) throws Exception {
    return Optional.empty();
  }

  /** The answer for an injected {@code STATUS} fault, in this API's own error format. */
  HttpResponse faultResponse(int status, Integer retryAfterSeconds);

  /** The answer for an exception the handler threw, in this API's own error format. */
  HttpResponse errorResponse(Throwable error);
}
