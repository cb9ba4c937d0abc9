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

  private static BenchmarkResult.JobPhase phase(
      JobIntakePath intake, Optional<BenchmarkWebhook.Deliveries> webhooks) {
    JobThroughputProbe.Result jobs =
        new JobThroughputProbe.Result(10, 10, 10, Duration.ofSeconds(2), new long[] {300, 400, 500});
    return new BenchmarkResult.JobPhase(intake, jobs, requests(70, 15), webhooks);
  }

  private static BenchmarkResult result(List<BenchmarkResult.JobPhase> jobs) {
    BenchmarkSettings settings = new BenchmarkSettings(100, 5, 50, 5, 0, 20, 10, 5,
        List.of(JobIntakePath.POLL, JobIntakePath.WEBHOOK), Duration.ofSeconds(1), ServiceProtectionLimits.DEFAULTS,
        OptionalInt.empty(), 50, "512m", 1, Duration.ofMinutes(30), false);
    return new BenchmarkResult(settings, 90, new BenchmarkResult.Load(90, Duration.ofSeconds(3), Optional.empty()),
        Optional.empty(), jobs, requests(2, 2), requests(0, 0), new BenchmarkResult.Machine(2, 1.0, 1.0),
        new BenchmarkResult.Memory("512m", GcLog.parse(Stream.empty()), OptionalLong.empty()), List.of(),
        Optional.empty());
  }

  private static RequestCounts requests(long dataverse, long mailplus) {
    return new RequestCounts(side(dataverse), side(0), side(mailplus));
  }

  private static RequestCounts.Side side(long requests) {
    return new RequestCounts.Side(requests, 0, requests, requests * 50);
  }
}
