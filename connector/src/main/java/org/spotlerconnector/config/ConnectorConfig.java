package org.spotlerconnector.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.spotlerconnector.mapping.FieldMapping;

/**
 * The whole configuration of one connector, read from one YAML file by {@link ConfigLoader}. Immutable; its
 * {@code toString} shows no secrets.
 *
 * @param mapping the mapping rows; the {@linkplain DefaultMapping default mapping} when the file has none
 */
public record ConnectorConfig(
    ConnectionConfig connection,
    DataverseConfig dataverse,
    SpotlerConfig spotler,
    StoreConfig store,
    SyncConfig sync,
    JobsConfig jobs,
    WebConfig web,
    List<FieldMapping> mapping) {

  public ConnectorConfig {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(dataverse, "dataverse");
    Objects.requireNonNull(spotler, "spotler");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(sync, "sync");
    mapping = List.copyOf(mapping);
  }

  /**
   * Reads a configuration file, filling placeholders from the process environment.
   *
   * @throws ConfigException listing every problem in the file
   */
  public static ConnectorConfig load(Path file) {
    return ConfigLoader.fromSystemEnvironment().load(file);
  }
}
