package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad requests and concurrent clients must never crash the emulator or leave it inconsistent. */
class DataverseRobustnessTest extends DataverseHttpTest {
  private static final String[] METHODS = {"GET", "POST", "PATCH", "DELETE", "PUT"};
  private static final String[] PATHS = {
    "contacts", "contacts(%s)", "contacts(%s)/lastname", "contacts(contactid=%s)", "contacts(emailaddress1='x')",
    "contacts(", "contacts()", "contacts(%s", "contacts('a''b')", "contacts/Microsoft.Dynamics.CRM.CreateMultiple",
    "contacts/Microsoft.Dynamics.CRM.Nope", "accounts(%s)/nosuch/deeper", "$batch", "WhoAmI", "$metadata", "nosuchset",
    "contacts?$filter=lastname eq 'x", "contacts?$filter=((", "contacts?$orderby=nosuch", "contacts?$select=,,",
    "contacts?$expand=parentcustomerid_account($filter=x)", "contacts?$top=99999999999", "contacts?$skiptoken=%3C",
    "contacts?$deltatoken=1%21x", "contacts?$count=maybe", "contacts(%s)?$select=lastname&$top=1", "leads/$count",
    "contacts?fetchXml=%3Cfetch", "contacts?fetchXml=%3Cfetch%3E%3Centity%20name%3D'contact'%2F%3E%3C%2Ffetch%3E&$top=1",
    "contacts?fetchXml=%3Cfetch%20paging-cookie%3D'%3C'%3E%3Centity%20name%3D'contact'%2F%3E%3C%2Ffetch%3E",
    "lists(%s)/Microsoft.Dynamics.CRM.AddMemberList", "lists(%s)/Microsoft.Dynamics.CRM.RemoveMemberList",
    "AddListMembersList", "listmembers(%s)", "lists"
  };
  private static final String[] BODIES = {
    null, "", "{", "[]", "null", "42", "\"text\"", "{\"lastname\":null}", "{\"lastname\":{}}", "{\"lastname\":[1]}",
    "{\"gendercode\":1.5}", "{\"gendercode\":9999999999}", "{\"birthdate\":\"2024-13-01\"}",
    "{\"createdon\":\"yesterday\"}", "{\"parentcustomerid_account@odata.bind\":\"/contacts(%s)\"}",
    "{\"parentcustomerid_account@odata.bind\":\"/nosuch(%s)\"}", "{\"parentcustomerid_account@odata.bind\":\"garbage\"}",
    "{\"parentcustomerid_account\":[]}", "{\"value\":\"x\"}", "{\"Targets\":[{}]}", "{\"Targets\":\"x\"}",
    "{\"firstname\":\"\\u0000\\ud800\"}", "--batch\r\n\r\n--batch--", "{\"EntityId\":\"%s\"}",
    "{\"EntityId\":42}", "{\"List\":{\"listid\":\"%s\"},\"Members\":[{}]}", "{\"List\":[],\"Members\":{}}",
    "{\"listname\":\"L\",\"createdfromcode\":2}"
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  @DisplayName("random malformed requests get 4xx Dataverse errors and leave existing rows untouched")
  void malformed_requests_never_corrupt_state(long seed) {
    Random random = new Random(seed);
    UUID sentinel = create("contacts", "{\"lastname\":\"Sentinel\",\"gendercode\":2}");
    String sentinelEtag = get("contacts(" + sentinel + ")").json().path("@odata.etag").asText();

    for (int i = 0; i < 150; i++) {
      String id = random.nextInt(4) == 0 ? "not-a-guid" : UUID.randomUUID().toString();
      String path = PATHS[random.nextInt(PATHS.length)].replace("%s", id);
      String body = BODIES[random.nextInt(BODIES.length)];
      Call call = call(METHODS[random.nextInt(METHODS.length)], path);
      if (body != null) {
        call.body(body.replace("%s", id));
      }
      Reply reply = call.send();
      assertThat(reply.status()).as("seed %d, request %d: %s %s", seed, i, path, body).isLessThan(500);
      if (reply.status() >= 400) {
        assertThat(reply.json().path("error").path("message").asText()).as(path).isNotBlank();
      }
    }

    Reply row = get("contacts(" + sentinel + ")");
    assertThat(row.json().path("@odata.etag").asText()).isEqualTo(sentinelEtag);
    assertThat(get("contacts").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("concurrent writers and a paging reader: every write lands once, versions stay unique, the delta agrees")
  void concurrent_clients_keep_the_store_consistent() throws Exception {
    String deltaLink = call("GET", "contacts?$select=lastname").prefer("odata.track-changes").send()
        .json().path("@odata.deltaLink").asText();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<UUID>>> writers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      int writer = w;
      writers.add(pool.submit(() -> {
        List<UUID> kept = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
          UUID id = create("contacts", "{\"lastname\":\"W" + writer + "-" + i + "\"}");
          assertThat(patch("contacts(" + id + ")", "{\"jobtitle\":\"t" + i + "\"}").status()).isEqualTo(204);
          if (i % 5 == 0) {
            assertThat(delete("contacts(" + id + ")").status()).isEqualTo(204);
          } else {
            kept.add(id);
          }
        }
        return kept;
      }));
    }
    Future<Integer> reader = pool.submit(() -> {
      int pages = 0;
      for (int round = 0; round < 5; round++) {
        Reply page = call("GET", "contacts?$select=lastname").prefer("odata.maxpagesize=7").send();
        while (page.json().has("@odata.nextLink")) {
          assertThat(page.status()).isEqualTo(200);
          page = call("GET", page.json().path("@odata.nextLink").asText()).prefer("odata.maxpagesize=7").send();
          pages++;
        }
      }
      return pages;
    });
    Set<String> expected = new HashSet<>();
    for (Future<List<UUID>> writer : writers) {
      writer.get(60, TimeUnit.SECONDS).forEach(id -> expected.add(id.toString()));
    }
    reader.get(60, TimeUnit.SECONDS);
    pool.shutdown();

    List<JsonNode> rows = new ArrayList<>();
    get("contacts?$select=lastname,versionnumber").value().forEach(rows::add);
    assertThat(rows).extracting(r -> r.path("contactid").asText()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows).extracting(r -> r.path("versionnumber").asLong()).doesNotHaveDuplicates();
    JsonNode delta = get(deltaLink).value();
    assertThat(delta.findValuesAsText("contactid")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(delta.findValuesAsText("reason")).hasSize(6 * 5).containsOnly("deleted");
  }
}
