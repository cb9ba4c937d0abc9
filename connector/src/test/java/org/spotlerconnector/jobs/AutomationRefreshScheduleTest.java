package org.spotlerconnector.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.sandbox.mailplus.DemoAutomations.WELCOME_TRIGGER_CODE;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.sandbox.http.FaultRule;

/** The automation table kept in line with Spotler on a schedule, over real HTTP against the sandbox. */
class AutomationRefreshScheduleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String AUTOMATION_LIST = "/automation/list$";

  private InstalledJobsSandbox env;

  @BeforeEach
  void start() throws IOException {
    env = new InstalledJobsSandbox(5);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  @DisplayName("dataverse-tables.md: Refresh Automations upserts every trigger; the schedule runs it at start-up and then every interval")
  void refreshes_at_start_up_and_then_every_interval() throws InterruptedException {
    deactivateWelcome();
    long listCallsBefore = automationListCalls();

    try (AutomationRefreshSchedule schedule = schedule(Duration.ofMillis(300), Duration.ofMillis(100))) {
      schedule.start();
      await("the start-up refresh", this::welcomeIsActive);
      deactivateWelcome();
      await("the next scheduled refresh", this::welcomeIsActive);
    }

    assertThat(automationListCalls() - listCallsBefore).isGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName("spotler-api.md: a 503 from Mail+ fails the refresh; it is tried again soon, not an interval later")
  void a_failed_refresh_is_tried_again_after_the_short_wait() throws InterruptedException {
    deactivateWelcome();
    // More 503s than the client repeats, so the first refresh fails as a whole.
    env.sandbox.mailplusServer().faults().add(FaultRule.status(503).onPath(AUTOMATION_LIST).times(4));

    try (AutomationRefreshSchedule schedule = schedule(Duration.ofHours(1), Duration.ofMillis(200))) {
      schedule.start();
      await("the refresh after the failed one", this::welcomeIsActive);
    }
  }

  private AutomationRefreshSchedule schedule(Duration every, Duration retryAfterFailure) {
    return new AutomationRefreshSchedule(env.dataverse, env.spotler, InstalledJobsSandbox.SCHEMA, every, retryAfterFailure);
  }

  private void deactivateWelcome() {
    env.dataverse.update(InstalledJobsSandbox.SCHEMA.automationEntitySet(), welcomeKey(),
        JsonNodeFactory.instance.objectNode().put(InstalledJobsSandbox.SCHEMA.column("isactive"), false));
    assertThat(welcomeIsActive()).isFalse();
  }

  private boolean welcomeIsActive() {
    return env.dataverse.retrieve(InstalledJobsSandbox.SCHEMA.automationEntitySet(), welcomeKey())
        .orElseThrow().path(InstalledJobsSandbox.SCHEMA.column("isactive")).asBoolean();
  }

  private static RecordKey welcomeKey() {
    return RecordKey.alternate(InstalledJobsSandbox.SCHEMA.column("triggercode"), WELCOME_TRIGGER_CODE);
  }

  private long automationListCalls() {
    return env.sandbox.mailplusServer().requestLog().count(e -> e.path().endsWith("/automation/list"));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
      }
      Thread.sleep(50);
    }
  }
}
