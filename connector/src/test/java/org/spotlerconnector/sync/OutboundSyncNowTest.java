package org.spotlerconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/** {@link OutboundSync#syncNow}: one record to Spotler at once, for a Spotler Job. */
class OutboundSyncNowTest {
  @TempDir Path dir;
  private Sandbox sandbox;
  private Connector connector;

  @BeforeEach
  void start() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(5, 2, 4, 1, 0));
    connector = SyncTestEnvironment.connector(sandbox, dir.resolve("store.db"));
  }

  @AfterEach
  void stop() {
    connector.close();
    sandbox.close();
  }

  @Test
  @DisplayName("design.md §4.1: the record is mapped and upserted keyed by externalId = its row id")
  void syncs_one_contact_now() {
    ObjectNode row = sandbox.dataverse().table("contacts").rows().get(0);
    String id = row.get("contactid").asText();

    OutboundSync.SyncNowOutcome outcome = connector.outbound().syncNow(SourceTable.CONTACT, id);

    assertThat(outcome.synced()).as(outcome.reason()).isTrue();
    assertThat(sandbox.mailplus().contact(id)).isPresent();
    assertThat(sandbox.mailplus().contactCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("design.md §4.1: an inactive record is not pushed; the reason says why")
  void does_not_push_an_inactive_contact() {
    ObjectNode row = sandbox.dataverse().table("contacts").rows().get(1);
    String id = row.get("contactid").asText();
    sandbox.dataverse().table("contacts").update(UUID.fromString(id),
        JsonNodeFactory.instance.objectNode().put("statecode", 1).put("statuscode", 2));

    OutboundSync.SyncNowOutcome outcome = connector.outbound().syncNow(SourceTable.CONTACT, id);

    assertThat(outcome.synced()).isFalse();
    assertThat(outcome.reason()).contains("not active");
    assertThat(sandbox.mailplus().contact(id)).isEmpty();
  }

  @Test
  @DisplayName("a record that does not exist is reported, not pushed")
  void reports_a_missing_record() {
    OutboundSync.SyncNowOutcome outcome =
        connector.outbound().syncNow(SourceTable.CONTACT, UUID.randomUUID().toString());

    assertThat(outcome.synced()).isFalse();
    assertThat(outcome.reason()).contains("does not exist");
  }
}
