package org.spotlerconnector.sandbox.mailplus;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nonces each consumer key has used while their timestamps are still acceptable (RFC 5849 §3.3). Once a
 * timestamp has left the window, a replay fails on the timestamp, so the nonce can be forgotten: memory stays bounded
 * by the request rate times the window.
 */
final class NonceCache {
  private final Map<String, NoncesOfOneKey> byConsumerKey = new ConcurrentHashMap<>();

  /** Records the nonce and tells whether it is new; {@code expiresAtSecond} is when its timestamp becomes stale. */
  boolean firstUse(String consumerKey, String nonce, long expiresAtSecond, long nowSecond) {
    return byConsumerKey.computeIfAbsent(consumerKey, k -> new NoncesOfOneKey()).firstUse(nonce, expiresAtSecond, nowSecond);
  }

  void clear() {
    byConsumerKey.clear();
  }

  private static final class NoncesOfOneKey {
    // insertion order is close to expiry order, so expired nonces are found at the head
    private final LinkedHashMap<String, Long> expiryByNonce = new LinkedHashMap<>();

    synchronized boolean firstUse(String nonce, long expiresAtSecond, long nowSecond) {
      evictExpired(nowSecond);
      return expiryByNonce.putIfAbsent(nonce, expiresAtSecond) == null;
    }

    private void evictExpired(long nowSecond) {
      Iterator<Long> it = expiryByNonce.values().iterator();
      while (it.hasNext() && it.next() < nowSecond) {
        it.remove();
      }
    }
  }
}
