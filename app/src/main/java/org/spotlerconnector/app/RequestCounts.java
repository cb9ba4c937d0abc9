package org.spotlerconnector.app;

/**
 * API requests the emulators received, per side: Dataverse Web API calls, Entra ID token calls (the Dataverse
 * side's, counted apart) and Mail+ calls.
 */
record RequestCounts(Side dataverse, Side tokens, Side mailplus) {
  /**
   * One emulator's requests.
   *
   * @param requests every request received
   * @param throttled those answered 429 Too Many Requests
   * @param timed those read from the request log: all, unless some left the log unread, and then the 429 count
   *     may be low
   * @param millis the response times of the timed ones, added up, including the emulated latency
   */
  record Side(long requests, long throttled, long timed, long millis) {
    Side plus(Side other) {
      return new Side(requests + other.requests, throttled + other.throttled, timed + other.timed,
          millis + other.millis);
    }

    Side minus(Side other) {
      return new Side(requests - other.requests, throttled - other.throttled, timed - other.timed,
          millis - other.millis);
    }
  }

  /** The requests between an earlier count and this one. */
  RequestCounts since(RequestCounts earlier) {
    return new RequestCounts(
        dataverse.minus(earlier.dataverse), tokens.minus(earlier.tokens), mailplus.minus(earlier.mailplus));
  }

  RequestCounts plus(RequestCounts other) {
    return new RequestCounts(
        dataverse.plus(other.dataverse), tokens.plus(other.tokens), mailplus.plus(other.mailplus));
  }
}
