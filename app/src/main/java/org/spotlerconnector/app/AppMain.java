package org.spotlerconnector.app;

import org.spotlerconnector.cli.ConnectorMain;
import org.spotlerconnector.sandbox.SandboxMain;
import picocli.CommandLine;

/**
 * {@code java -jar spotler-connector.jar}: the connector's commands ({@code run}, {@code sync}, {@code check}) plus
 * {@code demo}, {@code benchmark} and {@code benchmark-lists}, which run the connector against the sandbox, and
 * {@code sandbox} itself.
 */
public final class AppMain {
  private AppMain() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cli = ConnectorMain.commandLine();
    cli.addSubcommand("demo", new DemoCommand());
    cli.addSubcommand("benchmark", new BenchmarkCommand());
    cli.addSubcommand("benchmark-lists", new ListBenchmarkCommand());
    cli.addSubcommand("sandbox", new SandboxMain());
    return cli;
  }
}
