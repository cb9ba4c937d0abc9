package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** End-to-end $batch and bulk messages over HTTP, with the emulator's store as the transaction. */
class DataverseBatchConformanceTest extends DataverseHttpTest {
  private static final String CRLF = "\r\n";

  @Test
  @DisplayName("dataverse-api.md §2.7: a change set is atomic; a failing request rolls back the ones before it")
  void change_set_rolls_back_as_a_whole() {
    String body =
        changeSetStart("batch_1", "changeset_1")
            + changeSetPart("changeset_1", 1, "POST", "contacts", "{\"lastname\":\"First\"}")
            + changeSetPart("changeset_1", 2, "POST", "contacts", "{\"lastname\":\"Second\",\"gendercode\":99}")
            + "--changeset_1--" + CRLF
            + "--batch_1--" + CRLF;

    Reply reply = batch("batch_1", body, null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("0x8004431a");
    assertThat(emulator.table("contacts").count()).isZero();
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: a change set that succeeds applies all its requests; $1 refers to a row created before")
  void change_set_applies_all_requests() {
    String body =
        changeSetStart("batch_2", "changeset_2")
            + changeSetPart("changeset_2", 1, "POST", "accounts", "{\"name\":\"Contoso\"}")
            + changeSetPart("changeset_2", 2, "POST", "contacts", "{\"lastname\":\"A\",\"parentcustomerid_account@odata.bind\":\"$1\"}")
            + "--changeset_2--" + CRLF
            + "--batch_2--" + CRLF;

    Reply reply = batch("batch_2", body, null);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.body()).contains("HTTP/1.1 204");
    String account = emulator.table("accounts").rows().get(0).path("accountid").asText();
    assertThat(emulator.table("contacts").rows().get(0).path("_parentcustomerid_value").asText()).isEqualTo(account);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: without continue-on-error the batch stops at the first failure and answers 400")
  void stops_at_the_first_error() {
    String body =
        part("batch_3", "POST", "contacts", "{\"lastname\":\"Kept\"}")
            + part("batch_3", "POST", "contacts", "{\"nosuchcolumn\":1}")
            + part("batch_3", "POST", "contacts", "{\"lastname\":\"Never\"}")
            + "--batch_3--" + CRLF;

    Reply reply = batch("batch_3", body, null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(emulator.table("contacts").rows()).extracting(r -> r.path("lastname").asText()).containsExactly("Kept");
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: with odata.continue-on-error the batch answers 200 and runs every request")
  void continues_on_error_when_asked() {
    String body =
        part("batch_4", "POST", "contacts", "{\"lastname\":\"One\"}")
            + part("batch_4", "POST", "contacts", "{\"nosuchcolumn\":1}")
            + part("batch_4", "POST", "contacts", "{\"lastname\":\"Three\"}")
            + "--batch_4--" + CRLF;

    Reply reply = batch("batch_4", body, "odata.continue-on-error");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("HTTP/1.1 400");
    assertThat(emulator.table("contacts").count()).isEqualTo(2);
  }

  @Test
  @DisplayName("dataverse-api.md §6: every request inside a $batch counts toward the request limit")
  void batched_requests_count_toward_the_limit() {
    emulator.limits(ServiceProtectionLimits.DEFAULTS.withRequests(3));
    String body =
        part("batch_5", "GET", "contacts?$select=lastname", null)
            + part("batch_5", "GET", "contacts?$select=lastname", null)
            + part("batch_5", "GET", "contacts?$select=lastname", null)
            + "--batch_5--" + CRLF;

    assertThat(batch("batch_5", body, null).status()).isEqualTo(200);
    assertThat(get("WhoAmI").status()).isEqualTo(429);
  }

  @Test
  @DisplayName("dataverse-api.md §2.8: UpsertMultiple creates and updates by alternate key and answers 204")
  void upsert_multiple() {
    emulator.addTable(BuiltInTables.contact().toBuilder().alternateKey("emailaddress1").build());
    create("contacts", "{\"lastname\":\"Old\",\"emailaddress1\":\"a@example.com\"}");
    String targets =
        "{\"Targets\":["
            + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"@odata.id\":\"contacts(emailaddress1='a@example.com')\",\"lastname\":\"Updated\"},"
            + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"@odata.id\":\"contacts(emailaddress1='b@example.com')\",\"lastname\":\"Created\"}"
            + "]}";

    Reply reply = post("contacts/Microsoft.Dynamics.CRM.UpsertMultiple", targets);

    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(emulator.table("contacts").rows())
        .extracting(r -> r.path("emailaddress1").asText() + "=" + r.path("lastname").asText())
        .containsExactlyInAnyOrder("a@example.com=Updated", "b@example.com=Created");
  }

  @Test
  @DisplayName("dataverse-api.md §2.8: CreateMultiple answers 200 with the Ids and is all or nothing")
  void create_multiple() {
    String good =
        "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"lastname\":\"A\"},"
            + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"lastname\":\"B\"}]}";
    String bad =
        "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"lastname\":\"C\"},"
            + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"gendercode\":99}]}";

    Reply created = post("contacts/Microsoft.Dynamics.CRM.CreateMultiple", good);
    Reply refused = post("contacts/Microsoft.Dynamics.CRM.CreateMultiple", bad);

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("Ids")).hasSize(2);
    UUID first = UUID.fromString(created.json().path("Ids").get(0).asText());
    assertThat(emulator.table("contacts").get(first)).isPresent();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(emulator.table("contacts").count()).isEqualTo(2);
  }

  private Reply batch(String boundary, String body, String prefer) {
    Call call = call("POST", "$batch").contentType("multipart/mixed; boundary=\"" + boundary + "\"").body(body);
    if (prefer != null) {
      call.prefer(prefer);
    }
    return call.send();
  }

  private static String changeSetStart(String batch, String changeSet) {
    return "--" + batch + CRLF + "Content-Type: multipart/mixed; boundary=\"" + changeSet + "\"" + CRLF + CRLF;
  }

  private static String changeSetPart(String changeSet, int contentId, String method, String target, String json) {
    return "--" + changeSet + CRLF
        + "Content-Type: application/http" + CRLF
        + "Content-Transfer-Encoding: binary" + CRLF
        + "Content-ID: " + contentId + CRLF + CRLF
        + request(method, target, json);
  }

  private static String part(String batch, String method, String target, String json) {
    return "--" + batch + CRLF
        + "Content-Type: application/http" + CRLF
        + "Content-Transfer-Encoding: binary" + CRLF + CRLF
        + request(method, target, json);
  }

  private static String request(String method, String target, String json) {
    String head = method + " " + SERVICE_PATH + "/" + target + " HTTP/1.1" + CRLF;
    if (json == null) {
      return head + "Accept: application/json" + CRLF + CRLF;
    }
    return head + "Content-Type: application/json; type=entry" + CRLF + CRLF + json + CRLF;
  }
}
