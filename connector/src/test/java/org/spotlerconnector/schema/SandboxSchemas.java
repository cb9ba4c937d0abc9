package org.spotlerconnector.schema;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.RetrySettings;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;

/**
 * The sandbox on free ports of 127.0.0.1, and both schema readers as the connector builds them, over real HTTP, with
 * the Dataverse client they use.
 */
final class SandboxSchemas implements AutoCloseable {
  final Sandbox sandbox;
  final DataverseClient client;
  final DataverseSchemaReader dataverse;
  final SpotlerSchemaReader spotler;

  SandboxSchemas() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests());
    SandboxOptions options = sandbox.options();
    DataverseSettings settings =
        DataverseSettings.builder(
                URI.create(sandbox.dataverseUrl()), options.tenant(), options.clientId(), options.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .retry(new RetrySettings(2, Duration.ofMillis(20), Duration.ofMillis(100)))
            .requestTimeout(Duration.ofSeconds(10))
            .build();
    client = DataverseClient.create(settings);
    dataverse = new DataverseSchemaReader(client);
    spotler =
        new SpotlerSchemaReader(
            MailPlusClient.create(
                MailPlusConfig.builder(options.consumerKey(), options.consumerSecret())
                    .baseUrl(sandbox.mailplusUrl())
                    .requestTimeout(Duration.ofSeconds(10))
                    .build()));
  }

  /** Requests for table definitions that reached the Dataverse emulator. */
  long metadataRequests() {
    return sandbox.dataverseServer().requestLog().count(entry -> entry.path().contains("/EntityDefinitions"));
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
