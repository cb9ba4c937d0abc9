package org.spotlerconnector.app;

import java.nio.file.Path;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/** The demo's configuration file, pointing the connector at the sandbox; the same format a real tenant uses. */
final class DemoConfig {
  private DemoConfig() {}

  static String yaml(Sandbox sandbox, Path storeFile) {
    SandboxOptions o = sandbox.options();
    return """
        connection:
          id: demo
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
          requestsPerSecond: 50
        store:
          url: jdbc:sqlite:%s
        sync:
          outbound:
            pollInterval: 2s
        """.formatted(
        sandbox.dataverseUrl(), o.tenant(), o.clientId(), o.clientSecret(), sandbox.tokenUrl(),
        sandbox.mailplusUrl(), o.consumerKey(), o.consumerSecret(), storeFile.toString().replace('\\', '/'));
  }
}
