package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.spotlerconnector.sandbox.http.Json;

/** Many clients at once, and an account of 100,000 contacts, stay correct and quick. */
class MailPlusLoadTest extends MailPlusHttpTest {
  private static final String ALL_TIME = "fromDate=2000-01-01T00:00:00Z&toDate=2100-01-01T00:00:00Z";

  @Test
  @Timeout(60)
  @DisplayName("Concurrent clients writing overlapping contacts leave one consistent contact per externalId")
  void stays_consistent_under_concurrent_writes() throws Exception {
    int clients = 16;
    int writesPerClient = 40;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        results.add(
            pool.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  for (int i = 0; i < writesPerClient; i++) {
                    String id = "shared-" + (i % 25);
                    String body =
                        "{\"update\":true,\"contact\":{\"externalId\":\"" + id + "\",\"properties\":{\"firstName\":\"c" + client
                            + "\",\"permissions\":[{\"bit\":" + (1 << (i % 4)) + ",\"enabled\":true}]}}}";
                    statuses.add(post("/contact", body).status());
                  }
                  return statuses;
                }));
      }
      for (Future<List<Integer>> result : results) {
        assertThat(result.get()).containsOnly(204);
      }
    } finally {
      pool.shutdownNow();
    }

    JsonNode feed = get("/contact/updates/list?" + ALL_TIME + "&pageSize=100").json().path("contacts");
    assertThat(feed).hasSize(25);
    assertThat(emulator.contactCount()).isEqualTo(25);
    assertThat(emulator.contacts()).allSatisfy(c -> assertThat(c.enabledBits("permissions")).isNotEmpty());
  }

  @Test
  @Timeout(60)
  @DisplayName("spotler-api.md §7.3: 100,000 contacts page through the updates feed at pageSize 10000, in order, none lost")
  void pages_through_a_large_account() {
    int total = 100_000;
    for (int batch = 0; batch < total / 1000; batch++) {
      ArrayNode contacts = Json.array();
      for (int i = 0; i < 1000; i++) {
        int n = batch * 1000 + i;
        contacts
            .addObject()
            .put("externalId", "CRM-" + n)
            .put("lastChanged", START.toEpochMilli() + n)
            .putObject("properties")
            .put("email", "person" + n + "@example.nl")
            .put("firstName", "Person")
            .put("lastName", "Number " + n);
      }
      emulator.putContacts(contacts, true);
    }
    clock.advance(Duration.ofMinutes(5));

    Set<String> seen = new HashSet<>();
    long previousChange = Long.MIN_VALUE;
    int after = 0;
    int pages = 0;
    while (true) {
      JsonNode page = get("/contact/updates/list?" + ALL_TIME + "&pageSize=10000&after=" + after).json();
      for (JsonNode contact : page.path("contacts")) {
        assertThat(contact.path("lastChanged").asLong()).isGreaterThanOrEqualTo(previousChange);
        previousChange = contact.path("lastChanged").asLong();
        seen.add(contact.path("externalId").asText());
      }
      pages++;
      if (!page.path("paging").has("next")) {
        break;
      }
      after = page.path("paging").path("after").asInt();
    }

    assertThat(pages).isEqualTo(10);
    assertThat(seen).hasSize(total);
  }
}
