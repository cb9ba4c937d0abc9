package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spotlerconnector.sandbox.dataverse.BuiltInTables;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The FetchXML parser never crashes on garbage: whatever text it gets, it answers a query or a
 * {@link FetchXmlException} with a message, and a query it answers can be run on any row (ADR 0002: seeded generators,
 * so a failure replays exactly).
 */
class FetchXmlRobustnessTest {
  private static final Map<String, TableDefinition> TABLES =
      Map.of("contact", BuiltInTables.contact(), "account", BuiltInTables.account(), "lead", BuiltInTables.lead());
  private static final String VALID =
      "<fetch count='3' page='2' paging-cookie='&lt;cookie page=\"1\"&gt;&lt;/cookie&gt;'><entity name='contact'>"
          + "<attribute name='lastname'/><attribute name='parentcustomerid'/><order attribute='lastname'"
          + " descending='true'/><filter type='or'><condition attribute='address1_city' operator='eq'"
          + " value='Amsterdam'/><filter><condition attribute='gendercode' operator='in'><value>1</value>"
          + "<value>2</value></condition><condition attribute='parentcustomerid' operator='eq'"
          + " value='{6F1C0A2B-3C4D-4E5F-8A9B-0C1D2E3F4A5B}'/><condition attribute='emailaddress1' operator='like'"
          + " value='%@example.nl'/><condition attribute='birthdate' operator='between'><value>1970-01-01</value>"
          + "<value>1990-12-31</value></condition></filter><condition entityname='acct' attribute='name'"
          + " operator='not-null'/></filter><link-entity name='account' from='accountid' to='parentcustomerid'"
          + " alias='acct' link-type='outer'><attribute name='name'/><filter><condition attribute='numberofemployees'"
          + " operator='ge' value='10'/></filter></link-entity></entity></fetch>";
  private static final List<String> PIECES =
      List.of(
          "<fetch>", "</fetch>", "<entity name='contact'>", "<entity name='nope'>", "</entity>", "<attribute name='",
          "lastname", "'/>", "<filter type='", "or", "and", "'>", "</filter>", "<condition attribute='", "operator='",
          "eq", "like", "in", "between", "null", "value='", "<value>", "</value>", "<link-entity name='account' from='",
          "accountid", "to='", "parentcustomerid", "</link-entity>", "<order attribute='", "descending='true'",
          "count='", "page='", "top='", "-1", "0", "99999999999", "{", "}", "&", "&amp;", "&lt;", "<!--", "-->",
          "<![CDATA[", "]]>", "<!DOCTYPE x>", "'", "\"", " ", "<", ">", "/", "=", "%", "_", "[", "]");
  private static final List<ObjectNode> ROWS =
      List.of(
          Json.object(),
          Json.object().put("lastname", "Jansen").put("address1_city", "Amsterdam").put("gendercode", 1),
          Json.object().put("lastname", 42).put("gendercode", "x").put("birthdate", "not a date")
              .put("_parentcustomerid_value", "6f1c0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b").put("acct.name", "Contoso"));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  @DisplayName("random garbage and random mutations of a valid query give a query or a FetchXmlException")
  void never_crashes(long seed) {
    Random random = new Random(seed);
    int parsed = 0;
    for (int i = 0; i < 400; i++) {
      String text = random.nextBoolean() ? garbage(random) : mutated(random);
      assertThatCode(() -> parseAndRun(text)).as("seed %d, query %d: %s", seed, i, text).doesNotThrowAnyException();
      parsed += parses(text) ? 1 : 0;
    }
    assertThat(parsed).as("mutations that are still valid queries, and run").isBetween(1, 399);
  }

  private static boolean parses(String text) {
    try {
      FetchXml.parse(text, FetchXmlRobustnessTest::table);
      return true;
    } catch (FetchXmlException e) {
      return false;
    }
  }

  @Test
  @DisplayName("the valid query the mutations start from parses")
  void the_starting_query_is_valid() {
    FetchQuery query = FetchXml.parse(VALID, FetchXmlRobustnessTest::table);

    assertThat(query.links()).hasSize(1);
    assertThat(query.page()).isEqualTo(2);
  }

  private static void parseAndRun(String text) {
    FetchQuery query;
    try {
      query = FetchXml.parse(text, FetchXmlRobustnessTest::table);
    } catch (FetchXmlException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.code()).startsWith("0x");
      return;
    }
    for (ObjectNode row : ROWS) {
      query.filter().test(row);
      query.links().forEach(link -> link.filter().test(row));
      query.order((a, b) -> 0).compare(row, ROWS.get(1));
    }
  }

  private static Optional<TableDefinition> table(String name) {
    return Optional.ofNullable(TABLES.get(name));
  }

  private static String garbage(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(30); i >= 0; i--) {
      text.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return text.toString();
  }

  /** The valid query with a few characters deleted, duplicated or replaced by a piece. */
  private static String mutated(Random random) {
    StringBuilder text = new StringBuilder(VALID);
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(3)) {
        case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
        case 1 -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(12))));
        default -> text.insert(at, PIECES.get(random.nextInt(PIECES.size())));
      }
    }
    return text.toString();
  }
}
