package org.spotlerconnector.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A backlog larger than one page of due jobs is worked off page after page, without a poll interval in between. */
class JobBacklogIntegrationTest {
  @Test
  @DisplayName("a full page of due jobs is followed at once by the next page")
  void full_pages_are_polled_again_at_once() throws IOException, InterruptedException {
    try (InstalledJobsSandbox env = new InstalledJobsSandbox(3)) {
      List<String> jobIds = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        jobIds.add(env.create(env.addTag(i)));
      }
      JobWorkerSettings settings = InstalledJobsSandbox.fastSettings()
          .withPollInterval(Duration.ofMinutes(10)) // only the first poll happens within the test
          .withPageSize(3);

      try (JobWorker worker = env.worker(settings)) {
        worker.start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!jobIds.stream().allMatch(id -> env.row(id).hasNonNull("spot_resultcode"))
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(100);
        }
      }

      assertThat(jobIds).allSatisfy(id -> assertThat(env.row(id).path("spot_resultcode").asText()).isEqualTo("OK"));
    }
  }
}
