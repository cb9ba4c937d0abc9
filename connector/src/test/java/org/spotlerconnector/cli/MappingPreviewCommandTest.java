package org.spotlerconnector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.DataverseTable;
import org.spotlerconnector.sandbox.http.RequestLog;
import picocli.CommandLine;

/** {@code mapping preview} against the sandbox: what would go each way for real records, and nothing written. */
class MappingPreviewCommandTest {
  private static final String TWO_WAY = """
      sync:
        outbound:
          tables: {contact: true, lead: false, account: false}
      mapping:
        - spotler: email
          contact: emailaddress1
        - spotler: firstName
          contact: firstname
          direction: <->
        - spotler: city
          contact: address1_city
          direction: <-
      """;
  private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

  @TempDir Path dir;
  private Sandbox sandbox;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(3, 1, 6, 0, 0));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void shows_both_ways_for_the_given_rows_and_writes_nothing_anywhere() throws Exception {
    List<UUID> active = activeContacts();
    UUID linked = active.get(0);
    UUID inactive = active.get(1);
    UUID missing = UUID.randomUUID();
    contacts().update(linked, JsonNodeFactory.instance.objectNode()
        .put("firstname", "Anna").put("address1_city", "Utrecht").put("emailaddress1", "anna@example.com"));
    contacts().update(inactive, JsonNodeFactory.instance.objectNode().put("statecode", 1).put("statuscode", 2));
    sandbox.mailplus().putContact(linked.toString(),
        Map.of("email", "anna@example.com", "firstName", "Sven", "city", "Tiel"));
    Path config = SandboxConfig.write(sandbox, dir, "preview", TWO_WAY);
    long dataverseBefore = sandbox.dataverseServer().requestLog().lastSequence();
    long spotlerBefore = sandbox.mailplusServer().requestLog().lastSequence();

    int exit = run("mapping", "preview", "--config", config.toString(), "--table", "contact",
        "--id", linked.toString(), "--id", inactive.toString(), "--id", missing.toString());

    assertThat(exit).as(err.toString()).isZero();
    String linkedPreview = record("contact " + linked);
    assertThat(linkedPreview)
        .containsPattern("email +\"anna@example.com\"")
        .containsPattern("firstName +\"Anna\"\\n")
        .contains("firstName \"Sven\" -> firstname = \"Sven\"; differs, Dynamics 365 has \"Anna\""
            + " (<->, conflict rule dynamics)")
        .contains("city      \"Tiel\" -> address1_city = \"Tiel\"; differs, Dynamics 365 has \"Utrecht\" (<-)")
        .doesNotContainPattern("city +\"Utrecht\"");
    assertThat(record("contact " + inactive))
        .contains("not sent: the contact is not active (statecode 1); its Spotler contact, if it has one, is anonymised"
            + " (sync.outbound.onInactive: anonymize)")
        .contains("nothing: an inactive or Do Not Email contact is left to the outbound flow");
    assertThat(out.toString()).contains(missing + ": no contact has this id");
    List<RequestLog.Entry> dataverse = sandbox.dataverseServer().requestLog().since(dataverseBefore);
    List<RequestLog.Entry> spotler = sandbox.mailplusServer().requestLog().since(spotlerBefore);
    assertThat(spotler).extracting(RequestLog.Entry::path).anyMatch(path -> path.endsWith("/contact/" + linked));
    assertThat(dataverse).isNotEmpty();
    assertThat(dataverse).noneMatch(entry -> WRITES.contains(entry.method()));
    assertThat(spotler).noneMatch(entry -> WRITES.contains(entry.method()));
    assertThat(dir.resolve("store.db")).doesNotExist();
  }

  @Test
  void without_ids_shows_the_first_active_rows_and_says_when_spotler_has_no_contact_yet() throws Exception {
    Path config = SandboxConfig.write(sandbox, dir, "preview", TWO_WAY);

    int exit = run("mapping", "preview", "--config", config.toString(), "--count", "2");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("contact: the first 2 active rows, 2 found")
        .contains("nothing: no Spotler contact has externalId");
    assertThat(out.toString().lines().filter(line -> line.startsWith("contact ")).count()).isEqualTo(2);
  }

  @Test
  void a_mapping_that_does_not_fit_exits_2_with_every_problem() throws Exception {
    Path config = SandboxConfig.write(sandbox, dir, "preview", """
        mapping:
          - spotler: email
            contact: emailaddres1
          - spotler: shoeSize
            contact: firstname
        """);

    int exit = run("mapping", "preview", "--config", config.toString());

    assertThat(exit).isEqualTo(ConnectorMain.EXIT_CONFIG);
    assertThat(err.toString()).contains("emailaddres1").contains("shoeSize");
    assertThat(out.toString()).isEmpty();
  }

  private String record(String header) {
    String text = out.toString();
    int start = text.indexOf(header + "\n");
    assertThat(start).as("the output has " + header + ":\n" + text).isNotNegative();
    int end = text.indexOf("\n\n", start);
    return end < 0 ? text.substring(start) : text.substring(start, end + 1);
  }

  private List<UUID> activeContacts() {
    return contacts().rows().stream()
        .filter(r -> r.get("statecode").asInt() == 0 && !r.path("donotemail").asBoolean())
        .map(r -> UUID.fromString(r.get("contactid").asText()))
        .toList();
  }

  private DataverseTable contacts() {
    return sandbox.dataverse().table("contacts");
  }

  private int run(String... args) {
    CommandLine cli = ConnectorMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
