package org.spotlerconnector.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.cli.ConnectorMain;

/**
 * The benchmarked connector, {@code run} in a JVM of its own, so that its memory is measured apart from the
 * emulators': resident memory from {@code /proc/<pid>/status} and heap from its GC log.
 */
final class ConnectorProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorProcess.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(45);
  private static final Pattern RESIDENT_HIGH_WATER_MARK = Pattern.compile("(?m)^VmHWM:\\s*(\\d+)\\s*kB");

  private final Process process;
  private final Path gcLog;
  private final Path log;
  private final Thread killOnExit;
  private volatile long peakResidentBytes = -1;

  private ConnectorProcess(Process process, Path gcLog, Path log) {
    this.process = process;
    this.gcLog = gcLog;
    this.log = log;
    this.killOnExit = new Thread(process::destroyForcibly, "benchmark-connector-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts {@code run --config <config>} on this JVM's class path; its output goes to files in {@code workDir} named
   * after {@code name}: {@code <name>.log} and {@code <name>-gc.log}.
   */
  static ConnectorProcess start(Path config, String heap, Path workDir, String name) throws IOException {
    Path gcLog = workDir.resolve(name + "-gc.log");
    Path log = workDir.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap,
        "-Xlog:gc:file=" + gcLog,
        "-cp", System.getProperty("java.class.path"),
        ConnectorMain.class.getName(), "run", "--config", config.toString()));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    LOG.atInfo().addKeyValue("pid", process.pid()).addKeyValue("heap", heap).log("connector started");
    return new ConnectorProcess(process, gcLog, log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The connector's output (progress and logs), kept for a look when something went wrong. */
  Path log() {
    return log;
  }

  /** Reads the resident memory high-water mark; call it now and then while the connector runs. */
  void sampleMemory() {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    try {
      residentHighWaterMark(Files.readString(status)).ifPresent(bytes -> peakResidentBytes = bytes);
    } catch (IOException | UncheckedIOException e) {
      // not Linux, or the process has just ended: the last sample stands
    }
  }

  OptionalLong peakResidentBytes() {
    long peak = peakResidentBytes;
    return peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak);
  }

  /** The exit code, once it has ended (on its own or by {@link #close()}). */
  OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /** Heap figures from the GC log; complete once the connector has ended. */
  GcLog heap() {
    if (!Files.exists(gcLog)) {
      return GcLog.parse(Stream.empty());
    }
    try (Stream<String> lines = Files.lines(gcLog)) {
      return GcLog.parse(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the connector as a service manager would (SIGTERM, so it shuts down cleanly), forcibly if it hangs. */
  @Override
  public void close() {
    sampleMemory();
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.atWarn().addKeyValue("pid", process.pid()).log("connector did not stop in time; killing it");
        process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  /** The {@code VmHWM} line of a {@code /proc/<pid>/status} text, in bytes. */
  static OptionalLong residentHighWaterMark(String procStatus) {
    Matcher m = RESIDENT_HIGH_WATER_MARK.matcher(procStatus);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
  }
}
