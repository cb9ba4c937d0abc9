package org.spotlerconnector.config;

import java.util.Objects;

/** The sync flows' settings; lists and interactions join as they are built. */
public record SyncConfig(OutboundSyncConfig outbound, InboundSyncConfig inbound) {
  public static final SyncConfig DEFAULT = new SyncConfig(OutboundSyncConfig.DEFAULT, InboundSyncConfig.DEFAULT);

  public SyncConfig {
    Objects.requireNonNull(outbound, "outbound");
    Objects.requireNonNull(inbound, "inbound");
  }
}
