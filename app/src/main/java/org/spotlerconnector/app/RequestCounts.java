package org.spotlerconnector.app;

/**
 * API requests the emulators received, per side: Dataverse Web API calls, Entra ID token calls (the Dataverse
 * side's, counted apart) and Mail+ calls, with how many of each were answered 429 Too Many Requests.
 */
record RequestCounts(
    long dataverse, long tokens, long mailplus, long dataverseThrottled, long tokensThrottled, long mailplusThrottled) {
  static final RequestCounts NONE = new RequestCounts(0, 0, 0, 0, 0, 0);

  /** The requests between an earlier count and this one. */
  RequestCounts since(RequestCounts earlier) {
    return new RequestCounts(
        dataverse - earlier.dataverse,
        tokens - earlier.tokens,
        mailplus - earlier.mailplus,
        dataverseThrottled - earlier.dataverseThrottled,
        tokensThrottled - earlier.tokensThrottled,
        mailplusThrottled - earlier.mailplusThrottled);
  }

  long throttled() {
    return dataverseThrottled + tokensThrottled + mailplusThrottled;
  }
}
