package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactFeedPageTest {
  private static final String OPERATION = "GET /contact/updates/list";

  @Test
  @DisplayName("spotler-api.md §2.7/§8 Q3: the bare-array shape seen on -1.1.0")
  void reads_a_bare_array() {
    ContactFeedPage page = parse("[{\"externalId\":\"a\"},{\"externalId\":\"b\"}]");

    assertThat(page.contacts()).extracting(SpotlerContact::externalId).containsExactly("a", "b");
    assertThat(page.paging()).isNull();
    assertThat(page.saysLastPage()).isFalse();
    assertThat(page.nextOffset(10)).isEqualTo(12);
  }

  @Test
  @DisplayName("spotler-api.md §2.7: the documented {paging, contacts} shape")
  void reads_the_paged_wrapper() {
    ContactFeedPage page =
        parse(
            "{\"paging\":{\"next\":\"https://restapi.mailplus.nl/integrationservice/contact/updates/list?fromDate=x&after=2&pageSize=2\",\"after\":2},"
                + "\"contacts\":[{\"externalId\":\"a\"},{\"externalId\":\"b\"}]}");

    assertThat(page.contacts()).extracting(SpotlerContact::externalId).containsExactly("a", "b");
    assertThat(page.saysLastPage()).isFalse();
    assertThat(page.nextOffset(0)).isEqualTo(2);
  }

  @Test
  void takes_the_next_offset_from_the_next_url_when_paging_has_no_after() {
    ContactFeedPage page = parse("{\"paging\":{\"next\":\"/contact/updates/list?pageSize=2&after=7\"},\"contacts\":[{}]}");

    assertThat(page.nextOffset(5)).isEqualTo(7);
  }

  @Test
  void ignores_a_server_offset_that_does_not_move_forward() {
    ContactFeedPage page = parse("{\"paging\":{\"next\":\"x\",\"after\":0},\"contacts\":[{},{},{}]}");

    assertThat(page.nextOffset(0)).isEqualTo(3);
  }

  @Test
  void treats_paging_without_next_or_after_as_the_last_page() {
    assertThat(parse("{\"paging\":{},\"contacts\":[{}]}").saysLastPage()).isTrue();
    assertThat(parse("{\"paging\":{\"next\":null},\"contacts\":[{}]}").saysLastPage()).isTrue();
    assertThat(parse("{\"contacts\":[{}]}").saysLastPage()).isFalse();
  }

  @Test
  void reads_a_wrapper_without_contacts_as_an_empty_page() {
    assertThat(parse("{\"paging\":{\"after\":0}}").contacts()).isEmpty();
  }

  @Test
  @DisplayName("spotler-api.md §8 Q4: created/lastChanged as epoch millis and as ISO strings (no offset: Amsterdam)")
  void reads_both_date_forms() {
    ContactFeedPage page =
        parse(
            "[{\"externalId\":\"a\",\"created\":1646650153000,\"lastChanged\":\"2022-03-07T10:49:13Z\"},"
                + "{\"externalId\":\"b\",\"created\":\"2022-03-07T11:49:13+01:00\",\"lastChanged\":\"1646650153000\"},"
                + "{\"externalId\":\"c\",\"created\":\"2022-03-07T11:49:13.000+0100\",\"lastChanged\":\"2022-03-07T11:49:13\"}]");

    Instant expected = Instant.ofEpochMilli(1646650153000L);
    assertThat(page.contacts())
        .allSatisfy(
            c -> {
              assertThat(c.created()).as("created of %s", c.externalId()).isEqualTo(expected);
              assertThat(c.lastChanged()).as("lastChanged of %s", c.externalId()).isEqualTo(expected);
            });
  }

  @Test
  void reads_the_documented_contact_fields() {
    SpotlerContact contact =
        parse(
                "[{\"externalId\":\"CRM-1\",\"encryptedId\":\"e1\",\"testGroup\":false,\"temporary\":false,"
                    + "\"properties\":{\"email\":\"a@example.nl\",\"permissions\":[{\"bit\":1,\"enabled\":true,\"description\":\"Nieuwsbrief\"},{\"bit\":2,\"enabled\":false}]},"
                    + "\"channels\":[{\"name\":\"EMAIL\",\"value\":true}],\"somethingNew\":1}]")
            .contacts()
            .get(0);

    assertThat(contact.encryptedId()).isEqualTo("e1");
    assertThat(contact.textProperty("email")).contains("a@example.nl");
    assertThat(contact.permissions()).containsExactly(new Permission(1, true), new Permission(2, false));
    assertThat(contact.channels()).containsExactly(new Channel("EMAIL", true));
  }

  @Test
  void rejects_an_answer_that_is_neither_shape() {
    assertThatThrownBy(() -> parse("\"oops\""))
        .isInstanceOf(MailPlusException.class)
        .hasMessageContaining("neither a contact array nor an object");
  }

  @Test
  void rejects_a_date_in_neither_form_with_a_clear_error() {
    assertThatThrownBy(() -> parse("[{\"externalId\":\"a\",\"created\":\"yesterday\"}]"))
        .isInstanceOf(MailPlusException.class)
        .hasMessageContaining("not the documented JSON");
  }

  private static ContactFeedPage parse(String json) {
    JsonNode root = MailPlusJson.readTree(json.getBytes(StandardCharsets.UTF_8), OPERATION);
    return ContactFeedPage.parse(root, OPERATION);
  }
}
