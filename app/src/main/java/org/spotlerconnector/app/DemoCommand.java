package org.spotlerconnector.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.spotlerconnector.cli.ConsoleProgress;
import org.spotlerconnector.cli.RecordCounts;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.mailplus.DemoAutomations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: starts the sandbox emulators, runs the connector against them with an SQLite store, and prints how to
 * change a contact in the sandbox Dynamics 365 and watch it arrive in the sandbox Spotler.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs the connector against the sandbox emulators, with a fresh SQLite store, until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--store", defaultValue = "data/demo.db", description = "The demo's SQLite file, recreated on every start (default: ${DEFAULT-VALUE}).")
  Path storeFile;

  @Option(names = "--contacts", defaultValue = "400", description = "Contacts to seed (default: ${DEFAULT-VALUE}).")
  int contacts;

  @Option(names = "--entra-port", defaultValue = "7401", description = "Entra ID port (default: ${DEFAULT-VALUE}).")
  int entraPort;

  @Option(names = "--dataverse-port", defaultValue = "7402", description = "Dataverse port (default: ${DEFAULT-VALUE}).")
  int dataversePort;

  @Option(names = "--mailplus-port", defaultValue = "7403", description = "Spotler Mail+ port (default: ${DEFAULT-VALUE}).")
  int mailplusPort;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    deleteStore();
    SandboxOptions defaults = SandboxOptions.defaults();
    Sandbox sandbox = Sandbox.start(defaults.withPorts(entraPort, dataversePort, mailplusPort)
        .withData(defaults.seed(), defaults.accounts(), contacts, defaults.leads(), 0));
    ConnectorConfig config = ConfigLoader.fromSystemEnvironment().load("demo.yml", DemoConfig.yaml(sandbox, storeFile));
    DemoAutomations.seed(sandbox.mailplus());
    int installed = new Installer(DataverseClient.create(Connector.dataverseSettings(config.dataverse())),
        InstallSettings.defaults()).install().size();
    out.printf("Installed the connector's tables in the sandbox Dynamics 365 (%d items).%n", installed);
    ConsoleProgress progress = new ConsoleProgress(out);
    Connector connector = Connector.open(config, progress, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      connector.close();
      sandbox.close();
      stopped.countDown();
    }, "demo-shutdown"));
    out.println("Sandbox started; the connector is loading Dynamics 365 into Spotler:");
    out.flush();
    progress.total(new RecordCounts(connector.dataverse()).total(connector.outbound().tables()));
    connector.outbound().runUntilCaughtUp(Duration.ofMinutes(10));
    progress.finish();
    connector.start();
    out.print(new DemoBanner(sandbox, connector).text());
    out.flush();
    stopped.await();
    return 0;
  }

  private void deleteStore() throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(storeFile + suffix));
    }
  }
}
