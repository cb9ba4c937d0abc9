package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Extra request headers on create and invoke, for solution-aware writes (dataverse-api.md §2.1, §8). */
class DataverseSolutionHeaderIntegrationTest {
  private final DataverseSandbox sandbox = new DataverseSandbox();
  private final DataverseClient client = sandbox.client();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  @DisplayName("§2.1: create sends the extra headers along with its own")
  void create_sends_extra_headers() {
    String id = client.create("accounts", DataverseSandbox.JSON.createObjectNode().put("name", "Contoso"),
        Map.of("MSCRM.SuppressDuplicateDetection", "false"));

    assertThat(id).isNotBlank();
    assertThat(sandbox.apiRequests()).singleElement().satisfies(r -> {
      assertThat(DataverseSandbox.header(r, "MSCRM.SuppressDuplicateDetection")).isEqualTo("false");
      assertThat(DataverseSandbox.header(r, "Content-Type")).isEqualTo("application/json");
    });
  }

  @Test
  @DisplayName("§8: an action is invoked with MSCRM.SolutionUniqueName; a 204 answer is an empty object")
  void invoke_sends_extra_headers() {
    var answer = client.invoke("PublishAllXml", DataverseSandbox.JSON.createObjectNode(),
        Map.of("MSCRM.SolutionUniqueName", "SpotlerConnector"));

    assertThat(answer.isEmpty()).isTrue();
    assertThat(sandbox.apiRequests()).singleElement().satisfies(r ->
        assertThat(DataverseSandbox.header(r, "MSCRM.SolutionUniqueName")).isEqualTo("SpotlerConnector"));
  }
}
