package org.spotlerconnector.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.spotlerconnector.cli.ConnectorMain;

/** The connector's {@code run} command in a JVM of its own, on this test's class path. */
final class ConnectorJvm implements AutoCloseable {
  private static final long EXIT_WAIT_SECONDS = 30;

  private final Process process;
  private final Path output;

  private ConnectorJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code run --config <config>}, with its standard output and error written to {@code output}. */
  static ConnectorJvm run(Path config, Path output) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(
        // A short-lived process on a busy machine: the quick compiler and one GC thread start it sooner.
        java.toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        ConnectorMain.class.getName(), "run", "--config", config.toString());
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    return new ConnectorJvm(process, output);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asks the process to stop as an operator would (SIGTERM), and kills it when it does not. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the connector process did not end within " + EXIT_WAIT_SECONDS + " s");
    }
  }
}
