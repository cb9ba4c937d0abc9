package org.spotlerconnector.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;

class BenchmarkReportTest {

  @Test
  void writes_durations_as_the_options_take_them() {
    assertThat(BenchmarkReport.duration(Duration.ofMinutes(30))).isEqualTo("30m");
    assertThat(BenchmarkReport.duration(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(BenchmarkReport.duration(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(BenchmarkReport.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(BenchmarkReport.duration(Duration.ZERO)).isEqualTo("0ms");
  }

  @Test
  void reports_each_way_in_of_the_jobs_with_its_webhooks_and_requests() {
    BenchmarkResult result = result(List.of(
        phase(JobIntakePath.POLL, Optional.empty()),
        phase(JobIntakePath.WEBHOOK, Optional.of(new BenchmarkWebhook.Deliveries(10, 0)))));

    String text = BenchmarkReport.text(result);

    assertThat(text)
        .contains("10 created 5 a second for each way in")
        .contains("By polling (the connector reads the job table every 1s)")
        .contains("By webhook (Dataverse posts each created job to the connector, which polls every 1s as well)")
        .containsPattern("Webhooks +10 delivered \\(answered 202\\), 0 not")
        .containsPattern("Throughput +5\\.0 jobs/s")
        .containsPattern("Jobs by polling +70 +0 +15")
        .containsPattern("Jobs by webhook +70 +0 +15")
        .containsPattern("per finished job +7\\.0000 +0\\.0000 +1\\.5000");
    assertThat(text.indexOf("By polling")).isLessThan(text.indexOf("By webhook"));
  }

  @Test
  void a_way_in_that_did_not_run_is_reported_as_not_measured() {
    String text = BenchmarkReport.text(result(List.of(phase(JobIntakePath.POLL, Optional.empty()))));

    assertThat(text).containsPattern("By webhook .*\\R +Not measured +an earlier phase did not complete")
        .doesNotContain("Jobs by webhook");
  }

  @Test
  void reports_inbound_throughput_latency_and_requests_per_change() {
    ChangeLatencyProbe.Result changes =
        new ChangeLatencyProbe.Result(4, Duration.ofSeconds(2), new long[] {1200, 1500, 1800, 2500});
    BenchmarkResult.InboundPhase inbound = new BenchmarkResult.InboundPhase(changes, requests(6, 2), memory());

    String text = BenchmarkReport.text(result(List.of(), Optional.of(inbound)));

    assertThat(text)
        .contains("edits of a two-way field in Spotler, 20 a second")
        .contains("city, firstName, lastName, phoneNumber mapped <->")
        .contains("every 1s with an overlap of 10s")
        .containsPattern("Arrived +4 of 4 edits")
        .containsPattern("Throughput +2\\.0 changes/s written to Dataverse \\(first edit to last arrival, 2\\.0 s\\)")
        .containsPattern("Latency +p50 1,500 ms +p90 2,500 ms +p99 2,500 ms +max 2,500 ms")
        .containsPattern("Inbound phase +6 +0 +2")
        .containsPattern("per arrived change +1\\.5000 +0\\.0000 +0\\.5000");
  }

  @Test
  void an_inbound_phase_that_was_skipped_says_so() {
    String text = BenchmarkReport.text(result(List.of(), Optional.empty()));

    assertThat(text).containsPattern("Change to Dynamics 365 .*\\R +Not measured +an earlier phase did not complete")
        .doesNotContain("Inbound phase");
  }

  private static BenchmarkResult.JobPhase phase(
      JobIntakePath intake, Optional<BenchmarkWebhook.Deliveries> webhooks) {
    JobThroughputProbe.Result jobs =
        new JobThroughputProbe.Result(10, 10, 10, Duration.ofSeconds(2), new long[] {300, 400, 500});
    return new BenchmarkResult.JobPhase(intake, jobs, requests(70, 15), webhooks);
  }

  private static BenchmarkResult result(List<BenchmarkResult.JobPhase> jobs) {
    return result(jobs, Optional.empty());
  }

  private static BenchmarkResult result(
      List<BenchmarkResult.JobPhase> jobs, Optional<BenchmarkResult.InboundPhase> inbound) {
    BenchmarkSettings settings = new BenchmarkSettings(100, 5, 50, 5, 0, 20, 10, 5,
        List.of(JobIntakePath.POLL, JobIntakePath.WEBHOOK), 4, 20, Duration.ofSeconds(10), Duration.ofSeconds(1),
        ServiceProtectionLimits.DEFAULTS, OptionalInt.empty(), 50, "512m", 1, Duration.ofMinutes(30), false);
    return new BenchmarkResult(settings, 90, new BenchmarkResult.Load(90, Duration.ofSeconds(3), Optional.empty()),
        Optional.empty(), jobs, inbound, requests(2, 2), requests(0, 0), new BenchmarkResult.Machine(2, 1.0, 1.0),
        memory(), List.of(), Optional.empty());
  }

  private static BenchmarkResult.Memory memory() {
    return new BenchmarkResult.Memory("512m", GcLog.parse(Stream.empty()), OptionalLong.empty());
  }

  private static RequestCounts requests(long dataverse, long mailplus) {
    return new RequestCounts(side(dataverse), side(0), side(mailplus));
  }

  private static RequestCounts.Side side(long requests) {
    return new RequestCounts.Side(requests, 0, requests, requests * 50);
  }
}
