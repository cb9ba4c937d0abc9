package org.spotlerconnector.spotler.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.MailPlusRequest;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.sandbox.mailplus.MailPlusEmulator;

/** The audience client against the Mail+ emulator over real HTTP; each test names the rule of spotler-api.md §5. */
class SpotlerAudiencesTest {
  private static final String KEY = "connector-key";
  private static final String SECRET = "connector-secret";

  private MailPlusEmulator emulator;
  private EmulatorServer server;
  private MailPlusClient client;
  private SpotlerAudiences audiences;

  @BeforeEach
  void start() throws IOException {
    emulator = MailPlusEmulator.builder().consumer(KEY, SECRET).build();
    server = EmulatorServer.start(emulator, 0, 7);
    client = MailPlusClient.create(MailPlusConfig.builder(KEY, SECRET)
        .baseUrl(server.baseUrl() + MailPlusEmulator.DEFAULT_PATH_PREFIX)
        .requestTimeout(Duration.ofSeconds(5))
        .maxRetries(3)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
        .requestsPerSecond(1000)
        .build());
    audiences = SpotlerAudiences.of(client);
    IntStream.range(0, 3_000).forEach(i -> emulator.putContact("C-" + i, Map.of("email", "c" + i + "@example.nl")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("§5: create, read, rename and delete an audience by its externalId")
  void creates_reads_renames_and_deletes() {
    Audience created = audiences.createIfAbsent(new Audience("L-1", "Top customers", "from Dynamics 365"));

    assertThat(created.name()).isEqualTo("Top customers");
    audiences.update(created.withName("Best customers"));
    assertThat(audiences.find("L-1")).hasValueSatisfying(a -> {
      assertThat(a.name()).isEqualTo("Best customers");
      assertThat(a.description()).isEqualTo("from Dynamics 365");
    });
    assertThat(audiences.delete("L-1")).isTrue();
    assertThat(audiences.find("L-1")).isEmpty();
    assertThat(audiences.delete("L-1")).as("deleting it again").isFalse();
  }

  @Test
  @DisplayName("§5: creating an audience Mail+ has already (a lost answer, repeated) returns the existing one")
  void a_repeated_create_finds_the_audience() {
    audiences.createIfAbsent(new Audience("L-1", "Top customers", null));

    Audience again = audiences.createIfAbsent(new Audience("L-1", "Renamed meanwhile", null));

    assertThat(again.name()).isEqualTo("Top customers");
    assertThat(emulator.audiences().all()).hasSize(1);
  }

  @Test
  @DisplayName("§5 417: a name another audience has is refused, typed")
  void a_taken_name_is_refused() {
    audiences.createIfAbsent(new Audience("L-1", "Top customers", null));

    assertThatThrownBy(() -> audiences.createIfAbsent(new Audience("L-2", "Top customers", null)))
        .isInstanceOf(AudienceRejectedException.class)
        .satisfies(e -> assertThat(((AudienceRejectedException) e).serverMessage()).contains("unique"));
  }

  @Test
  @DisplayName("§5: contacts are added and removed by id; a chunk holds at most 2,500, so no call is refused with 413")
  void adds_and_removes_contacts_in_chunks() {
    audiences.createIfAbsent(new Audience("L-1", "Everyone", null));
    List<String> ids = IntStream.range(0, 3_000).mapToObj(i -> "C-" + i).toList();

    List<ContactChunk> chunks = ContactChunk.chunksOf(ids);
    chunks.forEach(chunk -> audiences.addContacts("L-1", chunk));
    audiences.removeContacts("L-1", new ContactChunk(ids.subList(0, 10)));

    assertThat(chunks).extracting(ContactChunk::size).containsExactly(2_500, 500);
    assertThat(emulator.audiences().contacts("L-1")).hasSize(2_990).doesNotContain("C-0", "C-9").contains("C-10");
    assertThatThrownBy(() -> new ContactChunk(ids.subList(0, 2_501))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("§5 404: contacts Mail+ lacks are named, and none of the call's contacts is added")
  void names_the_contacts_spotler_lacks() {
    audiences.createIfAbsent(new Audience("L-1", "Everyone", null));

    assertThatThrownBy(() -> audiences.addContacts("L-1", new ContactChunk(List.of("C-1", "nobody", "C-2"))))
        .isInstanceOfSatisfying(AudienceContactsNotFoundException.class,
            e -> assertThat(e.missingContactIds()).containsExactly("nobody"));
    assertThat(emulator.audiences().contacts("L-1")).isEmpty();
  }

  @Test
  @DisplayName("§5 404: contacts of an audience Mail+ does not have")
  void an_unknown_audience_is_not_found() {
    assertThatThrownBy(() -> audiences.addContacts("nope", ContactChunk.of("C-1")))
        .isInstanceOfSatisfying(AudienceNotFoundException.class, e -> assertThat(e.audienceId()).isEqualTo("nope"));
    assertThatThrownBy(() -> audiences.removeContacts("nope", ContactChunk.of("C-1")))
        .isInstanceOf(AudienceNotFoundException.class);
  }

  @Test
  @DisplayName("§5: a DELETE of an audience's contacts without ids empties it, so it cannot be sent: the client has no"
      + " way to write it, and a request made by hand is refused before it leaves")
  void never_sends_a_delete_that_empties_an_audience() {
    audiences.createIfAbsent(new Audience("L-1", "Everyone", null));
    audiences.addContacts("L-1", new ContactChunk(List.of("C-1", "C-2")));
    long before = server.requestLog().lastSequence();

    assertThatThrownBy(() -> new ContactChunk(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.send(MailPlusRequest.delete("/audience/{}/contact", "L-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every contact");
    assertThatThrownBy(() -> client.send(MailPlusRequest.delete("/audience/{}/contact", "L-1")
        .withJsonBody(Map.of("contacts", List.of())))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.send(MailPlusRequest.delete("/audience/{}/contact/", "L-1")
        .withJsonBody(Map.of("other", List.of("C-1"))))).isInstanceOf(IllegalArgumentException.class);

    assertThat(server.requestLog().since(before)).isEmpty();
    assertThat(emulator.audiences().contacts("L-1")).containsExactly("C-1", "C-2");
  }

  @Test
  @DisplayName("§5 403: a product without audiences gives a typed error that says which products have them")
  void a_product_without_audiences_is_a_capability_error() {
    emulator.audiences().available(false);

    assertThatThrownBy(() -> audiences.find("L-1"))
        .isInstanceOf(AudiencesNotAvailableException.class)
        .hasMessageContaining("Automation and eCommerce")
        .satisfies(e -> assertThat(((AudiencesNotAvailableException) e).status()).isEqualTo(403));
  }

  @Test
  @DisplayName("§5 417: an audience a mailing uses cannot be deleted")
  void an_audience_in_use_is_kept() {
    audiences.createIfAbsent(new Audience("L-1", "Everyone", null));
    emulator.audiences().inUse("L-1", true);

    assertThatThrownBy(() -> audiences.delete("L-1")).isInstanceOf(AudienceRejectedException.class);
    assertThat(audiences.find("L-1")).isPresent();
  }

  @Test
  @DisplayName("§7.1: a 503 on a contact call is retried, and the repeat changes nothing more")
  void retries_a_transient_failure() {
    audiences.createIfAbsent(new Audience("L-1", "Everyone", null));
    server.faults().add(FaultRule.status(503).onMethod("POST").onPath(".*/audience/L-1/contact").times(2));

    audiences.addContacts("L-1", new ContactChunk(List.of("C-1", "C-2")));

    assertThat(emulator.audiences().contacts("L-1")).containsExactly("C-1", "C-2");
    assertThat(server.requestLog().count(e -> e.path().endsWith("/audience/L-1/contact"))).isEqualTo(3);
  }
}
