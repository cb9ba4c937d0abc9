package org.spotlerconnector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.spotlerconnector.cli.ConnectorMain;

/**
 * The connector's {@code run} command in a JVM of its own, on this test's class path, so that a test can kill it the
 * way the operating system does: {@link #killHard()} is SIGKILL, which runs no shutdown hook and flushes nothing.
 */
public final class ConnectorProcess implements AutoCloseable {
  private static final long EXIT_WAIT_SECONDS = 30;

  private final Process process;
  private final Path output;

  private ConnectorProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code run --config <config>}, with its standard output and error written to {@code output}. */
  public static ConnectorProcess run(Path config, Path output) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(
        // A short-lived process on a busy machine: the quick compiler and one GC thread start it sooner.
        java.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        ConnectorMain.class.getName(), "run", "--config", config.toString());
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    return new ConnectorProcess(process, output);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the process with SIGKILL and waits until it is gone. */
  public void killHard() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the connector process did not die within " + EXIT_WAIT_SECONDS + " s");
    }
  }

  public Path outputFile() {
    return output;
  }

  /** What the process printed so far. */
  public String output() {
    try {
      return Files.exists(output) ? new String(Files.readAllBytes(output), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For clean-up after a test, whatever state it left the process in. */
  public void killIfRunning() throws InterruptedException {
    if (process.isAlive()) {
      killHard();
    }
  }

  /** Asks the process to stop as an operator would (SIGTERM), and kills it when it does not. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
      killHard();
    }
  }
}
