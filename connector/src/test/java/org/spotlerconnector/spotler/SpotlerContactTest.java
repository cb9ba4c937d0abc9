package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.spotler.ContactRequests.ContactBatch;
import org.spotlerconnector.spotler.ContactRequests.ContactBody;
import org.spotlerconnector.spotler.ContactRequests.SingleContact;

class SpotlerContactTest {

  @Test
  @DisplayName("spotler-api.md §2.3: a permission is changed by bit and the other bits are kept")
  void sets_a_permission_by_bit() {
    SpotlerContact contact = SpotlerContact.of("CRM-1").withPermission(1, true).withPermission(4, false);

    SpotlerContact changed = contact.withPermission(1, false);

    assertThat(changed.permissions()).containsExactly(new Permission(1, false), new Permission(4, false));
    assertThat(changed.permission(1)).contains(false);
    assertThat(changed.permission(2)).isEmpty();
    assertThat(contact.permission(1)).as("the original is unchanged").contains(true);
  }

  @Test
  void has_no_permissions_when_the_property_is_missing_or_not_an_array() {
    assertThat(SpotlerContact.of("CRM-1").permissions()).isEmpty();
    assertThat(SpotlerContact.of("CRM-1").withProperty("permissions", "yes").permissions()).isEmpty();
  }

  @Test
  @DisplayName("spotler-api.md §2.1: fields Mail+ sets itself are never sent")
  void sends_only_what_a_client_may_set() throws Exception {
    SpotlerContact read =
        new SpotlerContact(
            "CRM-1",
            "enc",
            Instant.ofEpochMilli(1),
            Instant.ofEpochMilli(2),
            true,
            false,
            Map.of("email", MailPlusJson.MAPPER.readTree("\"a@example.nl\"")),
            List.of());

    JsonNode sent = MailPlusJson.MAPPER.readTree(MailPlusJson.write(new SingleContact(null, false, ContactBody.of(read))));

    assertThat(sent.toString())
        .isEqualTo("{\"purge\":false,\"contact\":{\"externalId\":\"CRM-1\",\"testGroup\":true,\"properties\":{\"email\":\"a@example.nl\"}}}");
  }

  @Test
  @DisplayName("spotler-api.md §2.9: the bulk body is {update:true, purge:false, contacts}")
  void writes_the_bulk_body() throws Exception {
    ContactBatch batch =
        new ContactBatch(true, false, List.of(ContactBody.of(SpotlerContact.of("a").withPermission(2, true))));

    assertThat(MailPlusJson.MAPPER.readTree(MailPlusJson.write(batch)).toString())
        .isEqualTo(
            "{\"update\":true,\"purge\":false,\"contacts\":[{\"externalId\":\"a\",\"properties\":{\"permissions\":[{\"bit\":2,\"enabled\":true}]}}]}");
  }

  @Test
  void sends_a_property_set_to_json_null_so_that_it_is_cleared() {
    SpotlerContact contact =
        SpotlerContact.of("a").withProperty("firstName", NullNode.getInstance());

    assertThat(new String(MailPlusJson.write(ContactBody.of(contact)), StandardCharsets.UTF_8))
        .isEqualTo("{\"externalId\":\"a\",\"properties\":{\"firstName\":null}}");
  }

  @Test
  void reads_unknown_result_codes_without_failing() throws Exception {
    List<ContactResult> results =
        MailPlusJson.MAPPER.readValue(
            "[{\"externalId\":\"a\",\"code\":\"OK\"},{\"externalId\":\"b\",\"code\":\"SOMETHING_NEW\",\"message\":\"?\"}]",
            new TypeReference<List<ContactResult>>() {});

    assertThat(results).extracting(ContactResult::code)
        .containsExactly(ContactResultCode.OK, ContactResultCode.UNRECOGNIZED);
    assertThat(results.get(0).isOk()).isTrue();
  }
}
