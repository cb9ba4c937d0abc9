package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.http.TransientHttpException;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.sandbox.http.RequestLog;

/** Throttling, server errors and broken connections, injected into the Dataverse emulator over real HTTP. */
class DataverseResilienceIntegrationTest {
  private final DataverseSandbox sandbox = new DataverseSandbox();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger retried = new AtomicInteger();
  private final DataverseMetrics metrics = new DataverseMetrics() {
    @Override
    public void throttled(Duration retryAfter) {
      throttled.incrementAndGet();
    }

    @Override
    public void retried(String method, int status) {
      retried.incrementAndGet();
    }
  };
  private final DataverseClient client = sandbox.clientBuilder().metrics(metrics).build();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private List<Integer> statuses() {
    return sandbox.apiRequests().stream().map(RequestLog.Entry::status).toList();
  }

  private static ObjectNode contact(String lastname) {
    return DataverseSandbox.JSON.createObjectNode().put("lastname", lastname);
  }

  @Test
  @DisplayName("dataverse-api.md §6: 429 with Retry-After is retried after exactly that wait, never shorter")
  void a_429_storm_is_waited_out_honouring_retry_after() {
    sandbox.dataverseServer.faults().add(FaultRule.status(429).retryAfter(1).times(2));

    client.get("WhoAmI");

    List<RequestLog.Entry> requests = sandbox.apiRequests();
    assertThat(requests).extracting(RequestLog.Entry::status).containsExactly(429, 429, 200);
    for (int i = 1; i < requests.size(); i++) {
      Duration gap = Duration.between(requests.get(i - 1).receivedAt(), requests.get(i).receivedAt());
      assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    assertThat(throttled).hasValue(2);
    assertThat(retried).hasValue(2);
  }

  @Test
  @DisplayName("§6: a throttled create was not carried out, so it is retried and creates exactly one row")
  void a_throttled_create_is_retried() {
    sandbox.dataverseServer.faults().add(FaultRule.status(429).retryAfter(0).onMethod("POST").times(1));

    client.create("contacts", contact("Once"));

    assertThat(statuses()).containsExactly(429, 204);
    assertThat(sandbox.dataverse.table("contacts").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("§2.1: 503 is transient and retried")
  void a_503_is_retried() {
    sandbox.dataverseServer.faults().add(FaultRule.status(503).times(2));

    client.get("WhoAmI");

    assertThat(statuses()).containsExactly(503, 503, 200);
  }

  @Test
  void a_500_on_a_read_is_retried() {
    sandbox.dataverseServer.faults().add(FaultRule.status(500).times(1));

    client.get("WhoAmI");

    assertThat(statuses()).containsExactly(500, 200);
  }

  @Test
  void a_dropped_connection_on_a_read_is_retried() {
    sandbox.dataverseServer.faults().add(FaultRule.of(FaultRule.Kind.DROP_CONNECTION).times(1));

    client.get("WhoAmI");

    assertThat(statuses()).startsWith(0).endsWith(200);
  }

  @Test
  @DisplayName("design.md §5: a create whose answer was lost is not repeated blindly")
  void a_create_whose_answer_was_lost_is_not_repeated() {
    sandbox.dataverseServer.faults().add(FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).onMethod("POST").times(1));

    assertThatThrownBy(() -> client.create("contacts", contact("Maybe")))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(statuses()).containsExactly(0);
    assertThat(sandbox.dataverse.table("contacts").count()).isEqualTo(1);
  }

  @Test
  void a_500_on_a_create_is_reported_as_an_unknown_outcome() {
    sandbox.dataverseServer.faults().add(FaultRule.status(500).onMethod("POST").times(1));

    assertThatThrownBy(() -> client.create("contacts", contact("Maybe")))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> assertThat(e.status()).isEqualTo(500));
    assertThat(statuses()).containsExactly(500);
  }

  @Test
  void an_upsert_whose_answer_was_lost_is_repeated_because_it_is_idempotent() {
    sandbox.dataverseServer.faults().add(FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).onMethod("PATCH").times(1));
    String id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    client.upsert("contacts", RecordKey.id(id), contact("Twice"));

    assertThat(statuses()).containsExactly(0, 204);
    assertThat(sandbox.dataverse.table("contacts").count()).isEqualTo(1);
  }

  @Test
  void gives_up_after_the_configured_retries_with_a_transient_error() {
    sandbox.dataverseServer.faults().add(FaultRule.status(503));

    assertThatThrownBy(() -> client.get("WhoAmI"))
        .isInstanceOfSatisfying(TransientHttpException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(statuses()).hasSize(4); // the first attempt and 3 retries
  }

  @Test
  @DisplayName("§6: the budget keeps concurrent requests under the service's limit, so none is refused")
  void the_budget_keeps_concurrency_under_the_service_limit() throws Exception {
    sandbox.dataverse.limits(ServiceProtectionLimits.DEFAULTS.withConcurrency(4));
    sandbox.dataverseServer.latency().set(30, 0);
    DataverseClient budgeted = DataverseClient.builder(sandbox.settings()
            .budget(new BudgetSettings(5_400, Duration.ofMinutes(5), 4, Duration.ofSeconds(1_080)))
            .build())
        .metrics(metrics)
        .build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        calls.add(pool.submit(() -> budgeted.get("WhoAmI")));
      }
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(statuses()).hasSize(32).containsOnly(200);
    assertThat(throttled).hasValue(0);
  }
}
