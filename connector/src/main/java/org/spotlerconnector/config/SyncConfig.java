package org.spotlerconnector.config;

import java.util.Objects;

/** The sync flows' settings; interactions join as they are built. */
public record SyncConfig(
    OutboundSyncConfig outbound, InboundSyncConfig inbound, PermissionsSyncConfig permissions, ListsSyncConfig lists) {
  public static final SyncConfig DEFAULT = new SyncConfig(
      OutboundSyncConfig.DEFAULT, InboundSyncConfig.DEFAULT, PermissionsSyncConfig.DEFAULT, ListsSyncConfig.DEFAULT);

  public SyncConfig {
    Objects.requireNonNull(outbound, "outbound");
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(permissions, "permissions");
    Objects.requireNonNull(lists, "lists");
  }
}
