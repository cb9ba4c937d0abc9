package org.spotlerconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.Json;
import org.spotlerconnector.sandbox.mailplus.OAuthHeaderTool;
import picocli.CommandLine;

/** The sandbox as a newcomer uses it: the steps its banner prints, over real HTTP. */
class SandboxTest {
  private static Sandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(3, 10, 40, 15, 5));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void seeds_both_services_from_one_data_set() {
    assertThat(sandbox.dataverse().table("accounts").count()).isEqualTo(10);
    assertThat(sandbox.dataverse().table("contacts").count()).isEqualTo(40);
    assertThat(sandbox.dataverse().table("leads").count()).isEqualTo(15);
    assertThat(sandbox.mailplus().contacts()).hasSize(5)
        .allSatisfy(c -> assertThat(sandbox.dataverse().table("contacts").get(java.util.UUID.fromString(c.externalId()))).isPresent());
  }

  @Test
  void seeds_static_and_dynamic_marketing_lists_over_the_seeded_rows() throws Exception {
    List<ObjectNode> lists = sandbox.dataverse().table("lists").rows();
    ObjectNode newsletter = lists.stream().filter(l -> l.get("listname").asText().startsWith("Newsletter")).findFirst()
        .orElseThrow();
    ObjectNode byCity = lists.stream().filter(l -> l.get("type").asBoolean() && l.get("createdfromcode").asInt() == 2)
        .findFirst().orElseThrow();
    UUID dynamicId = UUID.fromString(byCity.get("listid").asText());
    String city = byCity.get("listname").asText().substring("Active contacts in ".length());

    JsonNode inspected = json(http.send(HttpRequest.newBuilder(URI.create(sandbox.dataverseUrl() + "/_sandbox/lists/"
        + newsletter.get("listid").asText() + "/members")).build(), HttpResponse.BodyHandlers.ofString()));
    List<UUID> dynamicMembers = sandbox.dataverse().marketingLists().members(dynamicId);

    assertThat(lists).hasSize(5);
    assertThat(inspected.path("dynamic").asBoolean()).isFalse();
    assertThat(inspected.path("members")).hasSize(14).hasSize(newsletter.get("membercount").asInt());
    assertThat(dynamicMembers).isNotEmpty().allSatisfy(id -> {
      ObjectNode contact = sandbox.dataverse().table("contacts").get(id).orElseThrow();
      assertThat(contact.get("address1_city").asText()).isEqualTo(city);
      assertThat(contact.get("statecode").asInt()).isZero();
    });
  }

  @Test
  void the_editions_can_leave_out_marketing_lists_and_audiences() throws Exception {
    try (Sandbox plain = Sandbox.start(SandboxOptions.forTests().withData(3, 2, 5, 2, 0)
        .withMarketingLists(false).withSpotlerAudiences(false))) {
      assertThat(plain.dataverse().hasMarketingLists()).isFalse();
      assertThat(plain.dataverse().findTable("lists")).isEmpty();
      assertThat(plain.mailplus().audiences().available()).isFalse();
      assertThat(new SandboxBanner(plain).text()).contains("(no marketing lists)");
    }
  }

  @Test
  void the_printed_steps_read_and_change_a_contact_and_read_it_through_spotler() throws Exception {
    String form = "grant_type=client_credentials&client_id=" + SandboxOptions.DEFAULT_CLIENT_ID + "&client_secret="
        + SandboxOptions.DEFAULT_CLIENT_SECRET + "&scope=" + URLEncoder.encode(sandbox.dataverseUrl() + "/.default", StandardCharsets.UTF_8);
    JsonNode token = json(http.send(HttpRequest.newBuilder(URI.create(sandbox.tokenUrl()))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString()));
    String bearer = "Bearer " + token.get("access_token").asText();
    String id = sandbox.mailplus().contacts().get(0).externalId();

    var read = http.send(HttpRequest.newBuilder(URI.create(sandbox.dataverseApiUrl() + "/contacts(" + id + ")?$select=jobtitle"))
        .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
    var change = http.send(HttpRequest.newBuilder(URI.create(sandbox.dataverseApiUrl() + "/contacts(" + id + ")"))
        .header("Authorization", bearer).header("Content-Type", "application/json").header("If-Match", "*")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"jobtitle\":\"Head of Marketing\"}")).build(), HttpResponse.BodyHandlers.ofString());
    String spotlerUrl = sandbox.mailplusUrl() + "/contact/" + id;
    var spotler = http.send(HttpRequest.newBuilder(URI.create(spotlerUrl))
        .header("Authorization", OAuthHeaderTool.authorizationHeader("GET", spotlerUrl, SandboxOptions.DEFAULT_CONSUMER_KEY, SandboxOptions.DEFAULT_CONSUMER_SECRET))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(change.statusCode()).isEqualTo(204);
    assertThat(sandbox.dataverse().table("contacts").get(java.util.UUID.fromString(id)).orElseThrow().get("jobtitle").asText())
        .isEqualTo("Head of Marketing");
    assertThat(spotler.statusCode()).isEqualTo(200);
    assertThat(json(spotler).get("externalId").asText()).isEqualTo(id);
  }

  @Test
  void the_oauth_header_command_prints_a_header_for_curl() {
    StringWriter out = new StringWriter();
    int exit = new CommandLine(new SandboxMain()).setOut(new PrintWriter(out))
        .execute("oauth-header", "GET", "http://127.0.0.1:7403/integrationservice/contact/properties/list");

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("Authorization: OAuth ").contains("oauth_signature_method=\"HMAC-SHA1\"");
  }

  @Test
  void the_banner_names_every_url_and_credential() {
    String banner = new SandboxBanner(sandbox).text();

    assertThat(banner).contains(sandbox.tokenUrl(), sandbox.dataverseApiUrl(), sandbox.mailplusUrl(),
        SandboxOptions.DEFAULT_CLIENT_SECRET, SandboxOptions.DEFAULT_CONSUMER_KEY,
        sandbox.mailplus().contacts().get(0).externalId());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.MAPPER.readTree(response.body());
  }
}
