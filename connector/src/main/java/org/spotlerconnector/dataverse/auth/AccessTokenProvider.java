package org.spotlerconnector.dataverse.auth;

/**
 * Where the Dataverse client gets its bearer tokens. Implementations cache the token and renew it before it expires,
 * so calling {@link #token()} before every request is cheap. Implementations are thread-safe.
 */
public interface AccessTokenProvider {

  /**
   * A token that is valid now.
   *
   * @throws TokenAcquisitionException when the identity provider refuses the credentials (a configuration problem)
   * @throws org.spotlerconnector.http.TransientHttpException when the identity provider could not be reached or is
   *     overloaded (worth retrying)
   */
  AccessToken token();

  /**
   * The resource server refused this token (HTTP 401): forget it, so that the next {@link #token()} fetches a new one.
   * A token other than the cached one is ignored, so many threads reporting the same rejection cause one renewal.
   */
  void invalidate(AccessToken rejected);
}
