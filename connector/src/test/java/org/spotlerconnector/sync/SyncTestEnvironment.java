package org.spotlerconnector.sync;

import java.nio.file.Path;
import java.time.Clock;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;

/** A sandbox and connector configurations that point at it, for the sync tests. */
final class SyncTestEnvironment {
  private SyncTestEnvironment() {}

  static String yaml(Sandbox sandbox, Path store, String extraSync) {
    return SandboxConfig.yaml(sandbox, "test", store) + """
        sync:
          outbound:
            pollInterval: 1s
        %s
        """.formatted(extraSync == null ? "" : extraSync.indent(4));
  }

  static ConnectorConfig config(Sandbox sandbox, Path store) {
    return ConfigLoader.fromSystemEnvironment().load("test.yml", yaml(sandbox, store, null));
  }

  static Connector connector(Sandbox sandbox, Path store) {
    return Connector.open(config(sandbox, store), SyncListener.NONE, Clock.systemUTC());
  }
}
