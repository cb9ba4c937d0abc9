package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailPlusUpdatesFeedConformanceTest extends MailPlusHttpTest {
  // START is 2024-05-01T08:00:00Z = 10:00 in Amsterdam
  private static final String WHOLE_DAY = "fromDate=2024-05-01T00:00:00&toDate=2024-05-01T23:59:59";

  private void createAtMinute(String externalId, int minute) {
    clock.advance(Duration.ofMinutes(minute).minus(Duration.between(START, clock.instant())));
    assertThat(post("/contact", "{\"update\":true,\"contact\":{\"externalId\":\"" + externalId + "\",\"properties\":{\"firstName\":\"X\"}}}").status())
        .isEqualTo(204);
  }

  private static List<String> ids(JsonNode contacts) {
    List<String> ids = new ArrayList<>();
    contacts.forEach(c -> ids.add(c.path("externalId").asText()));
    return ids;
  }

  @Test
  @DisplayName("Swagger getUpdatedContactsJson: ContactsResponse {paging, contacts}, contacts ordered by lastChanged")
  void lists_changed_contacts_oldest_change_first() {
    createAtMinute("b", 1);
    createAtMinute("a", 2);
    createAtMinute("c", 3);

    Reply reply = get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=10");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(ids(reply.json().path("contacts"))).containsExactly("b", "a", "c");
    assertThat(reply.json().path("paging").has("next")).as("no next page").isFalse();
    assertThat(reply.json().path("paging").path("after").asInt()).isEqualTo(3);
  }

  @Test
  @DisplayName("spotler-api.md §2.7: only contacts whose lastChanged lies within [fromDate, toDate] (bounds included)")
  void filters_by_the_date_window() {
    createAtMinute("early", 0);
    createAtMinute("inside", 30);
    createAtMinute("late", 61);

    Reply reply = get("/contact/updates/list?fromDate=2024-05-01T10:00:00%2B02:00&toDate=2024-05-01T09:00:00Z&pageSize=10");

    assertThat(ids(reply.json().path("contacts"))).containsExactly("early", "inside");
  }

  @Test
  @DisplayName("spotler-api.md §7.3: paging by offset; paging.next is the URL of the next page and only when there is one")
  void pages_with_next_links() {
    for (int i = 0; i < 5; i++) {
      createAtMinute("c" + i, i + 1);
    }

    JsonNode first = get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=2").json();
    String next = first.path("paging").path("next").asText();

    assertThat(ids(first.path("contacts"))).containsExactly("c0", "c1");
    assertThat(first.path("paging").path("after").asInt()).isEqualTo(2);
    assertThat(next).startsWith(server.baseUrl() + API + "/contact/updates/list?").contains("after=2").contains("pageSize=2");

    URI nextUri = URI.create(next);
    JsonNode second = get(nextUri.getRawPath().substring(API.length()) + "?" + nextUri.getRawQuery()).json();
    assertThat(ids(second.path("contacts"))).containsExactly("c2", "c3");
    JsonNode third = get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=2&after=4").json();
    assertThat(ids(third.path("contacts"))).containsExactly("c4");
    assertThat(third.path("paging").has("next")).isFalse();
  }

  @Test
  @DisplayName("spotler-api.md §2.7: a change moves a contact to the end of the feed, and anonymize is a change too")
  void reports_every_change() {
    createAtMinute("a", 1);
    createAtMinute("b", 2);
    clock.advance(Duration.ofMinutes(1));
    call("PUT", "/contact/anonymize/a").send();

    JsonNode contacts = get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=10").json().path("contacts");

    assertThat(ids(contacts)).containsExactly("b", "a");
  }

  @Test
  @DisplayName("spotler-api.md §2.7: an edit made in Mail+ itself (inspection PATCH) appears in the feed")
  void reports_edits_made_in_spotler() {
    createAtMinute("a", 1);
    createAtMinute("b", 2);
    clock.advance(Duration.ofMinutes(5));

    Reply edit = inspect("PATCH", "/_sandbox/contacts/a", "{\"properties\":{\"permissions\":[{\"bit\":1,\"enabled\":false}]}}");

    assertThat(edit.status()).isEqualTo(200);
    JsonNode contacts = get("/contact/updates/list?fromDate=2024-05-01T10:05:00&toDate=2024-05-01T23:00:00&pageSize=10").json().path("contacts");
    assertThat(ids(contacts)).containsExactly("a");
    assertThat(contacts.get(0).path("properties").path("permissions").get(0).path("enabled").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("Swagger getUpdatedContactsJson 400: 'Invalid fromDate or no fromDate given' / toDate; pageSize is required")
  void refuses_missing_or_invalid_parameters() {
    List<String> queries =
        List.of(
            "toDate=2024-05-01T00:00:00&pageSize=10",
            "fromDate=2024-05-01T00:00:00&pageSize=10",
            "fromDate=2024-05-01T00:00:00&toDate=2024-05-01T12:00:00",
            "fromDate=01-05-2024&toDate=2024-05-01T12:00:00&pageSize=10",
            "fromDate=2024-05-01T00:00:00+02:00&toDate=2024-05-01T12:00:00&pageSize=10",
            "fromDate=2024-05-01&toDate=2024-05-02&pageSize=10",
            WHOLE_DAY + "&pageSize=0",
            WHOLE_DAY + "&pageSize=10001",
            WHOLE_DAY + "&pageSize=ten",
            WHOLE_DAY + "&pageSize=10&after=-1");
    for (String query : queries) {
      Reply reply = get("/contact/updates/list?" + query);
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.errorType()).as(query).isEqualTo("INVALID_PARAMS");
    }
    assertThat(get("/contact/updates/list?toDate=x&pageSize=1").json().path("message").asText())
        .isEqualTo("Invalid fromDate or no fromDate given");
    assertThat(get("/contact/updates/list?fromDate=2024-05-01T00:00:00&pageSize=1").json().path("message").asText())
        .isEqualTo("Invalid toDate or no toDate given");
    assertThat(get("/contact/updates/list?fromDate=2024-05-01T00:00:00&toDate=tomorrow&pageSize=1").json().path("message").asText())
        .isEqualTo("Invalid toDate or no toDate given");
  }

  @Test
  @DisplayName("spotler-api.md §2.7: any change counts, also one made through the API (PUT) and a permission change "
      + "alone; lastChanged is the latest change, so the contact leaves the earlier window")
  void reports_api_and_permission_changes() {
    createAtMinute("a", 1);
    createAtMinute("b", 2);
    createAtMinute("c", 3);
    clock.advance(Duration.ofMinutes(10));
    put("/contact/a", "{\"purge\":false,\"contact\":{\"externalId\":\"a\",\"properties\":{\"city\":\"Delft\"}}}");
    clock.advance(Duration.ofMinutes(1));
    put("/contact/b", "{\"purge\":false,\"contact\":{\"externalId\":\"b\",\"properties\":{\"permissions\":"
        + "[{\"bit\":2,\"enabled\":false}]}}}");

    JsonNode early = get("/contact/updates/list?fromDate=2024-05-01T10:00:00&toDate=2024-05-01T10:05:00&pageSize=10").json();
    JsonNode late = get("/contact/updates/list?fromDate=2024-05-01T10:05:00&toDate=2024-05-01T11:00:00&pageSize=10").json();

    assertThat(ids(early.path("contacts"))).containsExactly("c");
    assertThat(ids(late.path("contacts"))).containsExactly("a", "b");
    assertThat(late.path("contacts").get(1).path("lastChanged").asLong())
        .isEqualTo(START.plus(Duration.ofMinutes(14)).toEpochMilli());
  }

  @Test
  @DisplayName("spotler-api.md §7.3: after beyond the last contact gives an empty page without next")
  void pages_past_the_end() {
    createAtMinute("a", 1);

    JsonNode page = get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=10&after=5").json();

    assertThat(page.path("contacts")).isEmpty();
    assertThat(page.path("paging").has("next")).isFalse();
  }

  @Test
  @DisplayName("spotler-api.md §7.3, §7.4: pageSize up to 10000; dates with offset, Z, fraction or none are accepted")
  void accepts_the_documented_parameter_forms() {
    createAtMinute("a", 1);

    assertThat(get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=10000").status()).isEqualTo(200);
    assertThat(get("/contact/updates/list?fromDate=2024-05-01T00:00:00.000%2B02:00&toDate=2024-05-01T23:00:00Z&pageSize=1").json().path("contacts").size())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("spotler-api.md Q3: on /integrationservice-1.1.0 the updates feed is a bare array of contacts")
  void answers_a_bare_array_on_the_versioned_prefix() {
    createAtMinute("a", 1);
    createAtMinute("b", 2);

    Reply reply = call("GET", "/contact/updates/list?" + WHOLE_DAY + "&pageSize=1&after=1").prefix(LEGACY_API).send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().isArray()).isTrue();
    assertThat(ids(reply.json())).containsExactly("b");
    assertThat(call("GET", "/contact/a").prefix(LEGACY_API).send().json().path("externalId").asText()).isEqualTo("a");
  }

  @Test
  @DisplayName("Swagger getBouncedContactsJson: same parameters; {paging, bounces} (empty: the sandbox sends no mail)")
  void answers_the_bounce_feed() {
    assertThat(get("/contact/bounces/list?" + WHOLE_DAY + "&pageSize=10").json().path("bounces").isArray()).isTrue();
    assertThat(get("/contact/bounces/list?" + WHOLE_DAY).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("Seeding with touch=false keeps lastChanged, so seeded history does not flood the feed")
  void seeding_without_touch_keeps_last_changed() {
    inspect("POST", "/_sandbox/contacts", "[{\"externalId\":\"old\",\"lastChanged\":1000,\"created\":1000}]");
    clock.advance(Duration.ofHours(1));

    inspect("POST", "/_sandbox/contacts?touch=false", "[{\"externalId\":\"old\",\"properties\":{\"firstName\":\"Oud\"}}]");

    assertThat(get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=10").json().path("contacts").size()).isZero();
    assertThat(emulator.contact("old").orElseThrow().lastChanged().toEpochMilli()).isEqualTo(1000);
    emulator.editContact("old", Map.of("firstName", "Nieuw"));
    assertThat(ids(get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=10").json().path("contacts"))).containsExactly("old");
  }
}
