package org.spotlerconnector.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<BatchOperation> deletes(int count) {
    List<BatchOperation> operations = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      operations.add(BatchOperation.delete("tasks(" + i + ")"));
    }
    return operations;
  }

  @Test
  void splits_into_batches_of_at_most_the_limit_keeping_order() {
    // dataverse-api.md §2.7: at most 1,000 requests per batch
    BatchRequest.Builder builder = BatchRequest.builder().continueOnError(true);
    deletes(2_500).forEach(builder::add);

    List<BatchRequest> batches = builder.build().split(1_000);

    assertThat(batches).extracting(BatchRequest::operationCount).containsExactly(1_000, 1_000, 500);
    assertThat(batches).allMatch(BatchRequest::continueOnError);
    assertThat(((BatchOperation) batches.get(1).parts().get(0)).url()).isEqualTo("tasks(1000)");
  }

  @Test
  void never_splits_a_change_set() {
    BatchRequest request = BatchRequest.builder()
        .add(BatchOperation.get("tasks"))
        .addChangeSet(deletes(3))
        .add(BatchOperation.get("tasks"))
        .build();

    assertThat(request.split(3)).extracting(BatchRequest::operationCount).containsExactly(1, 3, 1);
    assertThatThrownBy(() -> request.split(2)).hasMessageContaining("change set of 3");
  }

  @Test
  void a_batch_with_a_post_is_not_idempotent() {
    BatchRequest deletesOnly = BatchRequest.builder().addChangeSet(deletes(2)).build();
    BatchRequest withCreate = BatchRequest.builder()
        .addChangeSet(List.of(BatchOperation.post("tasks", JSON.createObjectNode()))).build();

    assertThat(deletesOnly.idempotent()).isTrue();
    assertThat(withCreate.idempotent()).isFalse();
  }

  @Test
  void refuses_get_in_a_change_set_and_line_breaks_in_headers() {
    // §2.7: GET is not allowed in a change set
    assertThatThrownBy(() -> new ChangeSet(List.of(BatchOperation.get("tasks"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BatchOperation.delete("tasks(1)").withHeader("If-Match", "*\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
