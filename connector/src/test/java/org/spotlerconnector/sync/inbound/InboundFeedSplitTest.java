package org.spotlerconnector.sync.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.schema.DataverseSchemaReader;
import org.spotlerconnector.schema.LiveDataverseSchema;
import org.spotlerconnector.schema.SpotlerSchemaReader;
import org.spotlerconnector.spotler.SpotlerContact;
import org.spotlerconnector.store.ChangeKind;
import org.spotlerconnector.store.RecordChange;

/**
 * How a page of Spotler's changes feed is split: contacts linked to a Dataverse row are merged; the others are new
 * subscribers, except those the outbound flow is sending (in Spotler already, not linked yet).
 */
class InboundFeedSplitTest {
  @TempDir Path dir;
  private Sandbox sandbox;
  private TwoWayFixture fixture;
  private final List<SpotlerContact> handed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(43, 1, 6, 0, 0));
    fixture = new TwoWayFixture(sandbox, dir, "");
    fixture.syncBothWays();
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    sandbox.close();
  }

  @Test
  void unlinked_contacts_go_to_the_new_subscriber_handler_except_those_the_outbound_flow_is_sending() {
    String linked = fixture.syncedContactIds().get(0);
    String beingSent = UUID.randomUUID().toString();
    String foreign = "crm-0042";
    fixture.connector().store().outboundQueue().enqueue(TwoWayFixture.CONNECTION,
        List.of(new RecordChange("contact", beingSent, ChangeKind.UPSERT, Instant.now())));
    sandbox.mailplus().putContact(beingSent, Map.of("email", "sent@example.org"));
    sandbox.mailplus().putContact(foreign, Map.of("email", "foreign@example.org"));
    String signedUp = sandbox.mailplus().signUp(Map.of("email", "form@example.org")).encryptedId();
    fixture.editSpotler(linked, Map.of("firstName", "Linked"));

    assertThat(inboundWithRecordingHandler().runUntilCaughtUp(TwoWayFixture.CATCH_UP)).isTrue();

    assertThat(handed).extracting(SpotlerContact::encryptedId)
        .contains(signedUp, sandbox.mailplus().contact(foreign).orElseThrow().encryptedId())
        .doesNotContain(sandbox.mailplus().contact(beingSent).orElseThrow().encryptedId(),
            sandbox.mailplus().contact(linked).orElseThrow().encryptedId());
    assertThat(fixture.row("contacts", linked).get("firstname").asText()).isEqualTo("Linked");
  }

  /** The connector's inbound sync, with a handler that records what it is given instead of creating rows. */
  private InboundSync inboundWithRecordingHandler() {
    Connector connector = fixture.connector();
    ConnectorConfig config = connector.config();
    MergePlan plan = MergePlan.create(config.mapping(), new SpotlerSchemaReader(connector.spotler()).read(),
        new LiveDataverseSchema(new DataverseSchemaReader(connector.dataverse())), config.spotler().timeZone());
    LinkedMerge merge = new LinkedMerge(TwoWayFixture.CONNECTION, connector.dataverse(), connector.spotler(),
        connector.store(), plan, config.spotler().timeZone(), Clock.systemUTC());
    InboundSyncSettings settings = new InboundSyncSettings(
        TwoWayFixture.CONNECTION, Duration.ofSeconds(1), Duration.ofMinutes(10), 100, Duration.ofSeconds(1));
    return new InboundSync(settings, connector.spotler(), connector.store(), merge, handed::addAll, Clock.systemUTC());
  }
}
