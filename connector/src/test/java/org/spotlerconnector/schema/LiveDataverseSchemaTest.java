package org.spotlerconnector.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.http.TransientHttpException;

class LiveDataverseSchemaTest {
  private final RecordedMetadata metadata = RecordedMetadata.of("contact", "account");
  private final LiveDataverseSchema schema = new LiveDataverseSchema(new DataverseSchemaReader(metadata));

  @Test
  void reads_a_table_when_first_asked_and_then_keeps_it() {
    assertThat(metadata.requests()).isEmpty();

    assertThat(schema.table("contact")).isPresent();
    assertThat(schema.table("contact")).isPresent();
    assertThat(schema.metadata("contact")).map(TableMetadata::entitySetName).contains("contacts");

    assertThat(metadata.tablesRequested()).containsExactly("contact");
  }

  @Test
  void remembers_a_missing_table_as_absent() {
    assertThat(schema.table("lead")).isEmpty();
    assertThat(schema.table("lead")).isEmpty();

    assertThat(metadata.tablesRequested()).containsExactly("lead");
  }

  @Test
  void has_no_table_for_a_name_that_is_no_logical_name_and_does_not_ask() {
    assertThat(schema.table("contact')")).isEmpty();

    assertThat(metadata.requests()).isEmpty();
  }

  @Test
  void asks_again_after_a_failed_read() {
    AtomicInteger calls = new AtomicInteger();
    LiveDataverseSchema flaky =
        new LiveDataverseSchema(
            new DataverseSchemaReader(
                url -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new TransientHttpException("Dataverse is unavailable", 503, null, null);
                  }
                  return metadata.apply(url);
                }));

    assertThatThrownBy(() -> flaky.table("contact")).isInstanceOf(TransientHttpException.class);
    assertThat(flaky.table("contact")).isPresent();
    assertThat(calls).hasValue(1 + metadata.requests().size());
    assertThat(metadata.tablesRequested()).containsExactly("contact");
  }
}
