package org.spotlerconnector.sync;

import java.nio.file.Path;
import java.time.Clock;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/** A sandbox and connector configurations that point at it, for the sync tests. */
final class SyncTestEnvironment {
  private SyncTestEnvironment() {}

  static String yaml(Sandbox sandbox, Path store, String extraSync) {
    SandboxOptions o = sandbox.options();
    return """
        connection:
          id: test
        dataverse:
          url: %s
          tenant: %s
          clientId: %s
          clientSecret: %s
          tokenUrl: %s
        spotler:
          baseUrl: %s
          consumerKey: %s
          consumerSecret: %s
          requestsPerSecond: 200
        store:
          url: jdbc:sqlite:%s
        sync:
          outbound:
            pollInterval: 1s
        %s
        """.formatted(sandbox.dataverseUrl(), o.tenant(), o.clientId(), o.clientSecret(), sandbox.tokenUrl(),
        sandbox.mailplusUrl(), o.consumerKey(), o.consumerSecret(), store, extraSync == null ? "" : extraSync.indent(4));
  }

  static ConnectorConfig config(Sandbox sandbox, Path store) {
    return ConfigLoader.fromSystemEnvironment().load("test.yml", yaml(sandbox, store, null));
  }

  static Connector connector(Sandbox sandbox, Path store) {
    return Connector.open(config(sandbox, store), SyncListener.NONE, Clock.systemUTC());
  }
}
