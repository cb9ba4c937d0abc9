package org.spotlerconnector.runtime;

import java.time.Clock;
import org.spotlerconnector.config.Secret;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.store.StoreConfig;

/** Opens the local store that a configuration names. */
public final class StoreOpener {
  private StoreOpener() {}

  public static Store open(org.spotlerconnector.config.StoreConfig store) {
    return open(store, Clock.systemUTC());
  }

  static Store open(org.spotlerconnector.config.StoreConfig store, Clock clock) {
    StoreConfig.Builder builder = StoreConfig.builder().jdbcUrl(store.url()).clock(clock);
    if (store.user().isPresent() || store.password().isPresent()) {
      builder.credentials(store.user().orElse(null), store.password().map(Secret::reveal).orElse(null));
    }
    return Store.open(builder.build());
  }
}
