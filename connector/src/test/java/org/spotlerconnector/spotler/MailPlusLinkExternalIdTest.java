package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.MailPlusContact;
import org.spotlerconnector.sandbox.mailplus.MailPlusEmulator;

/** {@link MailPlusClient#linkExternalId} against the Mail+ emulator over real HTTP, which emulates ADR 0004. */
class MailPlusLinkExternalIdTest {
  private static final String KEY = "connector-key";
  private static final String SECRET = "connector-secret";

  private MailPlusEmulator emulator;
  private EmulatorServer server;
  private MailPlusClient client;

  @BeforeEach
  void start() throws IOException {
    emulator = MailPlusEmulator.builder().consumer(KEY, SECRET).build();
    server = EmulatorServer.start(emulator, 0, 42);
    client = MailPlusClient.create(
        MailPlusConfig.builder(KEY, SECRET)
            .baseUrl(server.baseUrl() + MailPlusEmulator.DEFAULT_PATH_PREFIX)
            .requestTimeout(Duration.ofSeconds(5))
            .requestsPerSecond(1000)
            .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("ADR 0004: a form sign-up gets the externalId and keeps its encryptedId and data; one upsert, one read")
  void links_a_sign_up() {
    MailPlusContact signedUp = emulator.signUp(Map.of("email", "anna@example.nl", "firstName", "Anna"));
    long before = server.requestLog().lastSequence();

    boolean linked = client.linkExternalId(signedUp.encryptedId(), "anna@example.nl", "row-1");

    assertThat(linked).isTrue();
    assertThat(emulator.contactCount()).isOne();
    MailPlusContact contact = emulator.contact("row-1").orElseThrow();
    assertThat(contact.encryptedId()).isEqualTo(signedUp.encryptedId());
    assertThat(contact.properties()).containsEntry("firstName", "Anna");
    assertThat(server.requestLog().since(before))
        .extracting(RequestLog.Entry::method, RequestLog.Entry::path)
        .containsExactly(
            tuple("POST", "/integrationservice/contact"),
            tuple("GET", "/integrationservice/contact/row-1"));
  }

  @Test
  @DisplayName("linking again, after a crash for instance, changes nothing and still reports the link")
  void linking_twice_is_harmless() {
    MailPlusContact signedUp = emulator.signUp(Map.of("email", "anna@example.nl"));
    client.linkExternalId(signedUp.encryptedId(), "anna@example.nl", "row-1");

    assertThat(client.linkExternalId(signedUp.encryptedId(), "anna@example.nl", "row-1")).isTrue();

    assertThat(emulator.contactCount()).isOne();
  }

  @Test
  @DisplayName("ADR 0004: an e-mail two contacts share links neither; the read shows another contact got the externalId")
  void reports_a_failed_link() {
    ArrayNode twoSignUps = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < 2; i++) {
      twoSignUps.addObject().putObject("properties").put("email", "shared@example.nl");
    }
    List<MailPlusContact> seeded = emulator.putContacts(twoSignUps, true);

    boolean linked = client.linkExternalId(seeded.get(0).encryptedId(), "shared@example.nl", "row-1");

    assertThat(linked).isFalse();
    assertThat(emulator.contactByEncryptedId(seeded.get(0).encryptedId()).orElseThrow().externalId()).isNull();
  }
}
