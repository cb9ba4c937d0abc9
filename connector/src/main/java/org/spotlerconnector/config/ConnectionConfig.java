package org.spotlerconnector.config;

import java.util.Objects;

/**
 * Which Dataverse/Spotler pair this configuration serves. Every row in the local store carries this id, so one store
 * can serve several connections.
 *
 * @param id letters, digits, {@code -} and {@code _}; {@value #DEFAULT_ID} unless set
 */
public record ConnectionConfig(String id) {
  public static final String DEFAULT_ID = "default";
  public static final ConnectionConfig DEFAULT = new ConnectionConfig(DEFAULT_ID);

  public ConnectionConfig {
    Objects.requireNonNull(id, "id");
  }
}
