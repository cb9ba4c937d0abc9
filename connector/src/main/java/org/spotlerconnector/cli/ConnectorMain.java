package org.spotlerconnector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.spotlerconnector.config.ConfigException;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.config.Durations;
import org.spotlerconnector.mapping.MappingException;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.store.QueueCounts;
import org.spotlerconnector.sync.inbound.InboundSync;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The connector's command line. */
@Command(
    name = "spotler-connector",
    mixinStandardHelpOptions = true,
    description = "Keeps Microsoft Dynamics 365 (Dataverse) and Spotler Mail+ in sync.",
    subcommands = {
        ConnectorMain.Run.class, ConnectorMain.Sync.class, ConnectorMain.Check.class, StatusCommand.class,
        RetryParkedCommand.class, InstallCommand.class, MappingCommand.class})
public final class ConnectorMain {
  /** Exit code for a configuration or mapping that must be fixed before anything can run. */
  public static final int EXIT_CONFIG = 2;
  /** Exit code for a sync that did not catch up in time. */
  public static final int EXIT_NOT_CAUGHT_UP = 3;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its error handling: a bad configuration prints its problems, not a stack trace. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ConnectorMain());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException || e instanceof MappingException) {
        commandLine.getErr().println(e.getMessage());
        return EXIT_CONFIG;
      }
      throw e;
    });
    return cli;
  }

  /** A command that reads the configuration file. */
  public abstract static class WithConfig {
    @Spec protected CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, description = "The configuration file (YAML).")
    Path config;

    protected ConnectorConfig loadConfig() {
      return ConfigLoader.fromSystemEnvironment().load(config);
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Runs the connector until stopped: initial load, then changes every few seconds.")
  static final class Run extends WithConfig implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      ConnectorConfig loaded = loadConfig();
      ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getOut());
      Connector connector = Connector.open(loaded, progress, Clock.systemUTC());
      progress.total(new RecordCounts(connector.dataverse()).total(connector.outbound().tables()));
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        connector.close();
        stopped.countDown();
      }, "connector-shutdown"));
      connector.start();
      stopped.await();
      return 0;
    }
  }

  @Command(name = "sync", mixinStandardHelpOptions = true,
      description = "Syncs until everything that is in Dataverse now is in Spotler and, with a two-way mapping, every"
          + " change made in Spotler before the start is merged into Dataverse; then exits.")
  static final class Sync extends WithConfig implements Callable<Integer> {
    @Option(names = "--timeout", defaultValue = "1h", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() {
      ConnectorConfig loaded = loadConfig();
      ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getOut());
      try (Connector connector = Connector.open(loaded, progress, Clock.systemUTC())) {
        progress.total(new RecordCounts(connector.dataverse()).total(connector.outbound().tables()));
        Instant deadline = Instant.now().plus(Durations.parse(timeout));
        boolean caughtUp = connector.outbound().runUntilCaughtUp(Durations.parse(timeout));
        Optional<InboundSync> inbound = connector.inbound();
        if (inbound.isPresent()) {
          caughtUp &= inbound.get().runUntilCaughtUp(Duration.between(Instant.now(), deadline));
        }
        progress.finish();
        QueueCounts queue = connector.outbound().queue();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d waiting, %d parked for a person (see the log for the reasons).%n",
            caughtUp ? "Caught up" : "Not caught up within " + timeout, queue.pending() + queue.inFlight(),
            queue.parked());
        if (inbound.isPresent()) {
          out.printf("Spotler changes read up to %s; two-way conflicts recorded: %d (see status).%n",
              inbound.get().position().map(Instant::toString).orElse("(never)"),
              connector.store().conflicts().count(loaded.connection().id()));
        }
        return caughtUp ? 0 : EXIT_NOT_CAUGHT_UP;
      }
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Checks the configuration and the mapping against both live schemas, and changes nothing.")
  static final class Check extends WithConfig implements Callable<Integer> {
    @Override
    public Integer call() {
      ConnectorConfig loaded = loadConfig();
      // opening the connector reads both schemas and checks the mapping against them
      Connector.open(loaded, org.spotlerconnector.sync.SyncListener.NONE, Clock.systemUTC()).close();
      spec.commandLine().getOut().printf("The configuration and the mapping (%d fields) are valid.%n", loaded.mapping().size());
      return 0;
    }
  }

}
