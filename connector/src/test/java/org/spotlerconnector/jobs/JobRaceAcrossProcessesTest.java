package org.spotlerconnector.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.ConnectorProcess;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.MailPlusAutomations;

/**
 * Two connector processes, sharing one PostgreSQL store and one sandbox, race for the same 200 queued jobs: the
 * {@code If-Match} claim lets each job run once. The database defaults to {@value #DEFAULT_URL} as user {@code postgres}
 * without password ({@code -Dstore.postgres.url}, {@code .user} and {@code .password} point elsewhere); when it cannot
 * be reached the test is skipped, saying so.
 */
class JobRaceAcrossProcessesTest {
  private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String URL = System.getProperty("store.postgres.url", DEFAULT_URL);
  private static final String USER = System.getProperty("store.postgres.user", "postgres");
  private static final String PASSWORD = System.getProperty("store.postgres.password", "");
  private static final int START_JOBS = 100;
  private static final int TAG_JOBS = 100;
  private static final int JOBS = START_JOBS + TAG_JOBS;
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
  private static final Duration FINISH_WAIT = Duration.ofSeconds(90);

  private static Optional<String> unreachable;

  @TempDir Path dir;
  private final String schema = "job_race_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private InstalledJobsSandbox env;
  private final List<ConnectorProcess> connectors = new ArrayList<>();

  @BeforeAll
  static void probePostgres() {
    try (Connection ignored = connect()) {
      unreachable = Optional.empty();
    } catch (SQLException e) {
      unreachable = Optional.of("PostgreSQL not reachable at " + URL + " (" + e.getMessage()
          + ") — the two-process job race is skipped");
      LoggerFactory.getLogger(JobRaceAcrossProcessesTest.class).warn(unreachable.get());
    }
  }

  @BeforeEach
  void start() throws IOException, SQLException {
    assumeTrue(unreachable.isEmpty(), () -> unreachable.orElse(""));
    execute("CREATE SCHEMA " + schema);
    env = new InstalledJobsSandbox(START_JOBS + TAG_JOBS);
  }

  @AfterEach
  void stop() throws InterruptedException, SQLException {
    for (ConnectorProcess connector : connectors) {
      connector.close();
    }
    if (env != null) {
      env.close();
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  @DisplayName("dataverse-tables.md: a claim is a PATCH with If-Match, so two connector processes never run a job twice")
  void two_connector_processes_run_each_of_two_hundred_jobs_exactly_once() throws Exception {
    Path config = writeConfig();
    ConnectorProcess first = start(config, "first");
    ConnectorProcess second = start(config, "second");
    try {
      await(STARTUP_WAIT, "both connectors to start their job workers",
          () -> first.output().contains("connector started") && second.output().contains("connector started"));

      long logStart = env.sandbox.mailplusServer().requestLog().lastSequence();
      List<String> jobIds = new ArrayList<>();
      for (int i = 0; i < JOBS; i++) {
        jobIds.add(env.create(i < START_JOBS ? env.startWelcome(i) : env.addTag(i)));
      }
      Instant created = Instant.now();
      await(FINISH_WAIT, "every job to end",
          () -> env.rows(jobIds).stream().allMatch(InstalledJobsSandbox::isFinished));
      Duration took = Duration.between(created, Instant.now());

      Map<String, Integer> codes = env.resultCodes(jobIds);
      System.out.printf("%d jobs raced for by two connector processes ended in %.1f s: %s; finished by the first %d,"
              + " by the second %d%n", JOBS, took.toMillis() / 1000.0, codes,
          finishedBy(first), finishedBy(second));
      assertThat(codes).isEqualTo(Map.of("OK", JOBS));
      assertThat(env.rows(jobIds)).as("one attempt per job: a lost claim does not count")
          .allSatisfy(row -> assertThat(row.get(InstalledJobsSandbox.SCHEMA.column("attempts")).asInt()).isEqualTo(1));
      MailPlusAutomations automations = env.sandbox.mailplus().automations();
      assertThat(automations.runs()).hasSize(START_JOBS);
      assertThat(automations.triggerCalls()).hasSize(START_JOBS);
      for (int i = 0; i < START_JOBS; i++) {
        assertThat(automations.triggerCallsFor(env.contactId(i))).as("trigger calls for contact %d", i).hasSize(1);
      }
      RequestLog mailplusLog = env.sandbox.mailplusServer().requestLog();
      for (int i = START_JOBS; i < JOBS; i++) {
        String tagPath = "/contact/" + env.contactId(i) + "/tag";
        assertThat(mailplusLog.count(e -> e.sequence() > logStart && e.method().equals("POST")
            && e.path().endsWith(tagPath))).as("tag calls for contact %d", i).isEqualTo(1);
      }
      assertThat(env.sandbox.dataverse().table("posts").rows()).as("one timeline post per started automation")
          .hasSize(START_JOBS);
    } catch (Throwable failure) {
      System.out.println("---- first connector ----\n" + first.output());
      System.out.println("---- second connector ----\n" + second.output());
      throw failure;
    }
  }

  private ConnectorProcess start(Path config, String name) throws IOException {
    ConnectorProcess connector = ConnectorProcess.run(config, dir.resolve(name + ".log"));
    connectors.add(connector);
    return connector;
  }

  private static long finishedBy(ConnectorProcess connector) {
    return connector.output().lines().filter(line -> line.contains("job finished")).count();
  }

  private Path writeConfig() throws IOException {
    SandboxOptions o = env.sandbox.options();
    String yaml = """
        connection:
          id: race
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
          url: "%s"
          user: %s
        sync:
          outbound:
            pollInterval: 1m
        jobs:
          pollInterval: 200ms
          threads: 4
        """.formatted(env.sandbox.dataverseUrl(), o.tenant(), o.clientId(), o.clientSecret(), env.sandbox.tokenUrl(),
        env.sandbox.mailplusUrl(), o.consumerKey(), o.consumerSecret(), withParameter(URL, "currentSchema=" + schema),
        USER);
    if (!PASSWORD.isEmpty()) {
      yaml = yaml.replace("  user: " + USER + "\n", "  user: " + USER + "\n  password: \"" + PASSWORD + "\"\n");
    }
    Path config = dir.resolve("connector.yml");
    Files.writeString(config, yaml);
    return config;
  }

  private void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      for (ConnectorProcess connector : connectors) {
        assertThat(connector.isAlive()).as("each connector process runs while waiting for " + what).isTrue();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
      }
      Thread.sleep(200);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(withParameter(URL, "connectTimeout=3"), USER, PASSWORD);
  }

  private static String withParameter(String url, String parameter) {
    return url + (url.contains("?") ? "&" : "?") + parameter;
  }
}
