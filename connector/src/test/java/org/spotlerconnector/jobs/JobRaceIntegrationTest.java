package org.spotlerconnector.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.jobs.InstalledJobsSandbox.forContact;
import static org.spotlerconnector.jobs.InstalledJobsSandbox.job;
import static org.spotlerconnector.sandbox.mailplus.DemoAutomations.WELCOME_TRIGGER_CODE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.spotlerconnector.sandbox.mailplus.AutomationRun;

/** Two connectors polling one job table: the If-Match claim makes each job run once. */
class JobRaceIntegrationTest {
  private static final int JOBS = 50;
  private InstalledJobsSandbox env;

  @BeforeEach
  void start() throws IOException {
    env = new InstalledJobsSandbox(JOBS);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  @DisplayName("dataverse-tables.md: a claim is a PATCH with If-Match, so two workers never run the same job")
  void two_workers_run_each_of_fifty_jobs_exactly_once() throws InterruptedException {
    List<String> jobIds = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      ObjectNode job = env.withAutomation(
          forContact(job(JobOperation.START_AUTOMATION), env.contactId(i)), WELCOME_TRIGGER_CODE);
      jobIds.add(env.create(job));
    }
    JobWorkerSettings settings =
        InstalledJobsSandbox.fastSettings().withThreads(4).withPollInterval(Duration.ofMillis(20));

    try (JobWorker first = env.worker(settings); JobWorker second = env.worker(settings)) {
      first.start();
      second.start();
      while (!jobIds.stream().allMatch(id -> env.row(id).path("statecode").asInt() == 1)) {
        Thread.sleep(50);
      }
    }

    assertThat(jobIds).allSatisfy(id -> {
      ObjectNode row = env.row(id);
      assertThat(row.get("spot_resultcode").asText()).isEqualTo("OK");
      assertThat(row.get("spot_attempts").asInt()).isEqualTo(1);
    });
    List<AutomationRun> runs = env.sandbox.mailplus().automations().runs();
    assertThat(runs).hasSize(JOBS);
    assertThat(runs).extracting(AutomationRun::externalContactId).doesNotHaveDuplicates();
    assertThat(env.posts()).hasSize(JOBS);
  }
}
