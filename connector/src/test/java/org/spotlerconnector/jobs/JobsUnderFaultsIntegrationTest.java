package org.spotlerconnector.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.spotlerconnector.sandbox.http.FaultPlan;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.sandbox.mailplus.AutomationRun;
import org.spotlerconnector.sandbox.mailplus.MailPlusAutomations;

/**
 * A thousand jobs while about one request in ten to either service fails (503, a dropped connection, 429 with
 * Retry-After): every job ends, and no trigger is ever sent twice for one job.
 */
class JobsUnderFaultsIntegrationTest {
  private static final int JOBS = 1_000;
  /** Each kind of job takes a quarter; each Start Automation job has a contact of its own. */
  private static final int CONTACTS = JOBS / 4 + 10;
  private static final Duration ALL_FINISHED_WITHIN = Duration.ofSeconds(120);
  private static final int MAX_ATTEMPTS = 5;
  /** Short waits, so that retries after faults (and takeovers after a lost write) come within the test's time. */
  private static final JobWorkerSettings SETTINGS = JobWorkerSettings.defaults()
      .withPollInterval(Duration.ofMillis(20))
      .withThreads(8)
      .withRetries(MAX_ATTEMPTS, Duration.ofMillis(50), Duration.ofMillis(500))
      .withLease(Duration.ofSeconds(5));

  private InstalledJobsSandbox env;

  @BeforeEach
  void start() throws IOException {
    env = new InstalledJobsSandbox(CONTACTS);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  @DisplayName("design.md §5: under 10% faults on both services every job ends, and a trigger is never repeated")
  void a_thousand_jobs_under_ten_percent_faults_all_end_and_trigger_at_most_once() throws InterruptedException {
    List<String> jobIds = new ArrayList<>();
    List<JobOperation> operations = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      JobOperation operation = switch (i % 4) {
        case 0 -> JobOperation.ADD_TAG;
        case 1 -> JobOperation.SET_SCORE;
        case 2 -> JobOperation.START_AUTOMATION;
        default -> JobOperation.STOP_AUTOMATION;
      };
      jobIds.add(env.create(jobFor(operation, i)));
      operations.add(operation);
    }
    injectFaults(env.sandbox.mailplusServer().faults(), null);
    injectFaults(env.sandbox.dataverseServer().faults(), "^/api/data/");
    // A trigger answered and then cut off: the job cannot know whether the automation started.
    env.sandbox.mailplusServer().faults()
        .add(FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).onPath("/automation/trigger").withProbability(0.02));

    Instant started = Instant.now();
    try (JobWorker worker = env.worker(SETTINGS)) {
      worker.start();
      Instant deadline = started.plus(ALL_FINISHED_WITHIN);
      while (!env.rows(jobIds).stream().allMatch(InstalledJobsSandbox::isFinished) && Instant.now().isBefore(deadline)) {
        Thread.sleep(250);
      }
    }
    Duration took = Duration.between(started, Instant.now());
    Map<String, Integer> codes = env.resultCodes(jobIds);
    System.out.printf("%d jobs under faults ended in %.1f s: %s%n", JOBS, took.toMillis() / 1000.0, codes);

    assertThat(codes).as("no job left Queued or In Progress").doesNotContainKeys("QUEUED", "IN_PROGRESS");
    List<ObjectNode> rows = env.rows(jobIds);
    MailPlusAutomations automations = env.sandbox.mailplus().automations();
    for (int i = 0; i < JOBS; i++) {
      ObjectNode row = rows.get(i);
      assertThat(row.get(InstalledJobsSandbox.SCHEMA.column("attempts")).asInt()).isBetween(1, MAX_ATTEMPTS);
      if (operations.get(i) != JobOperation.START_AUTOMATION) {
        continue;
      }
      String contact = env.contactId(i / 4);
      assertThat(automations.triggerCallsFor(contact)).as("trigger calls for the contact of job %d", i).hasSizeLessThanOrEqualTo(1);
      if ("OK".equals(InstalledJobsSandbox.outcomeOf(row))) {
        assertThat(automations.runsOf(contact)).as("runs of the contact of job %d, which reported OK", i)
            .singleElement()
            .extracting(AutomationRun::automationContactId)
            .isEqualTo(row.get(InstalledJobsSandbox.SCHEMA.column("automationcontactid")).asText());
      }
    }
    assertThat(codes.getOrDefault("OK", 0) + codes.getOrDefault("NOT_RUNNING", 0))
        .as("most jobs succeed despite the faults").isGreaterThan(JOBS * 9 / 10);
  }

  /** Tag and score jobs spread over all contacts; a Start and a Stop Automation job share contact {@code i / 4}. */
  private ObjectNode jobFor(JobOperation operation, int i) {
    return switch (operation) {
      case ADD_TAG -> env.addTag(i);
      case SET_SCORE -> env.forContact(InstalledJobsSandbox.job(operation), i)
          .put(InstalledJobsSandbox.SCHEMA.column("tag"), InstalledJobsSandbox.TAG)
          .put(InstalledJobsSandbox.SCHEMA.column("score"), i % 100);
      case START_AUTOMATION -> env.startWelcome(i / 4);
      default -> env.onWelcome(env.forContact(InstalledJobsSandbox.job(operation), i / 4));
    };
  }

  private static void injectFaults(FaultPlan faults, String pathPattern) {
    faults.add(FaultRule.status(503).onPath(pathPattern).withProbability(0.05));
    faults.add(FaultRule.of(FaultRule.Kind.DROP_CONNECTION).onPath(pathPattern).withProbability(0.03));
    faults.add(FaultRule.status(429).retryAfter(1).onPath(pathPattern).withProbability(0.02));
  }
}
