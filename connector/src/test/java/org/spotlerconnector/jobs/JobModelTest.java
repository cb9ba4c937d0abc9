package org.spotlerconnector.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JobModelTest {
  private final JobSchema schema = new JobSchema("abc", 12345);

  @Test
  @DisplayName("dataverse-tables.md: options are <option prefix>0000 + n, columns <p>_name")
  void numbers_options_from_the_option_value_prefix() {
    assertThat(schema.operationValue(JobOperation.START_AUTOMATION)).isEqualTo(123450003);
    assertThat(schema.statusValue(JobStatus.IN_PROGRESS)).isEqualTo(123450001);
    assertThat(schema.statusValue(JobStatus.QUEUED)).isEqualTo(1);
    assertThat(schema.statusValue(JobStatus.COMPLETED)).isEqualTo(2);
    assertThat(schema.statusValue(JobStatus.CANCELLED)).isEqualTo(123450003);
    assertThat(schema.jobEntitySet()).isEqualTo("abc_spotlerjobs");
    assertThat(schema.lookupValue("customer")).isEqualTo("_abc_customer_value");
  }

  @Test
  void rejects_a_prefix_dataverse_would_not_take() {
    assertThatThrownBy(() -> new JobSchema("A-b", 10000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JobSchema("spot", 999)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reads_a_job_row() {
    ObjectNode row = JsonNodeFactory.instance.objectNode()
        .put("abc_spotlerjobid", "6a1f0e9e-0000-4000-8000-000000000001")
        .put("@odata.etag", "W/\"42\"")
        .put("statuscode", 1)
        .put("abc_operation", 123450008)
        .put("_abc_customer_value", "c1")
        .put("abc_tag", "Lead")
        .put("abc_score", 5)
        .put("abc_attempts", 2)
        .put("abc_nextattempton", "2026-11-22T10:00:00Z");
    row.putNull("_abc_lead_value");

    SpotlerJob job = SpotlerJob.fromRow(row, schema);

    assertThat(job.etag()).isEqualTo("W/\"42\"");
    assertThat(job.operation()).contains(JobOperation.INCREASE_SCORE);
    assertThat(job.customerId()).contains("c1");
    assertThat(job.leadId()).isEmpty();
    assertThat(job.score()).contains(5);
    assertThat(job.attempts()).isEqualTo(2);
    assertThat(job.nextAttemptOn()).contains(Instant.parse("2026-11-22T10:00:00Z"));
  }

  @Test
  void an_unknown_operation_value_reads_as_empty() {
    ObjectNode row = JsonNodeFactory.instance.objectNode().put("abc_operation", 123450099);
    assertThat(SpotlerJob.fromRow(row, schema).operation()).isEmpty();
  }

  @Test
  void every_result_code_ends_in_a_final_status() {
    for (ResultCode code : ResultCode.values()) {
      assertThat(code.status()).isNotIn(JobStatus.QUEUED, JobStatus.IN_PROGRESS);
    }
    assertThat(ResultCode.NOT_RUNNING.status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void backoff_doubles_up_to_the_cap() {
    JobWorkerSettings settings = JobWorkerSettings.defaults()
        .withRetries(10, Duration.ofSeconds(30), Duration.ofMinutes(3));
    assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.backoff(4)).isEqualTo(Duration.ofMinutes(3));
    assertThat(settings.backoff(9)).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void tags_split_on_comma_and_semicolon() {
    ObjectNode row = JsonNodeFactory.instance.objectNode().put("abc_tag", " Lead;Customer , ;VIP ");
    assertThat(TagOperations.tags(SpotlerJob.fromRow(row, schema))).containsExactly("Lead", "Customer", "VIP");
  }
}
