package org.spotlerconnector.config;

import java.util.Objects;

/** The sync flows' settings; inbound, lists and interactions join as they are built. */
public record SyncConfig(OutboundSyncConfig outbound) {
  public static final SyncConfig DEFAULT = new SyncConfig(OutboundSyncConfig.DEFAULT);

  public SyncConfig {
    Objects.requireNonNull(outbound, "outbound");
  }
}
