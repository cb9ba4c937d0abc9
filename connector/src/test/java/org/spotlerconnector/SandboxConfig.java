package org.spotlerconnector;

import java.nio.file.Files;
import java.nio.file.Path;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/** Configuration files that point the connector at a running sandbox, for tests. */
public final class SandboxConfig {
  private SandboxConfig() {}

  /** The connection, Dataverse, Spotler and store sections; append other sections to it. */
  public static String yaml(Sandbox sandbox, String connectionId, Path store) {
    SandboxOptions o = sandbox.options();
    return """
        connection:
          id: %s
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
        """.formatted(connectionId, sandbox.dataverseUrl(), o.tenant(), o.clientId(), o.clientSecret(),
        sandbox.tokenUrl(), sandbox.mailplusUrl(), o.consumerKey(), o.consumerSecret(), store);
  }

  /** Writes {@code connector.yml} in {@code dir}, with the store in the same folder and {@code extra} appended. */
  public static Path write(Sandbox sandbox, Path dir, String connectionId, String extra) throws java.io.IOException {
    Path file = dir.resolve("connector.yml");
    Files.writeString(file, yaml(sandbox, connectionId, dir.resolve("store.db")) + (extra == null ? "" : extra));
    return file;
  }
}
