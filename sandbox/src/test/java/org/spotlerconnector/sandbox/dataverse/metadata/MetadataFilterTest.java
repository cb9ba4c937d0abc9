package org.spotlerconnector.sandbox.dataverse.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spotlerconnector.sandbox.dataverse.query.ODataQueryException;
import org.spotlerconnector.sandbox.http.Json;

class MetadataFilterTest {
  private static final ObjectNode PICKLIST = attribute("gendercode", "Picklist", "None", true);
  private static final ObjectNode LASTNAME = attribute("lastname", "String", "ApplicationRequired", false);

  @ParameterizedTest(name = "{0} → {1}, {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LogicalName eq 'gendercode'                                                  | true  | false",
        "LogicalName ne 'gendercode'                                                  | false | true",
        "AttributeType eq Microsoft.Dynamics.CRM.AttributeTypeCode'Picklist'          | true  | false",
        "AttributeType eq 'String'                                                    | false | true",
        "RequiredLevel/Value eq Microsoft.Dynamics.CRM.AttributeRequiredLevel'None'   | true  | false",
        "IsCustomAttribute eq true                                                    | true  | false",
        "AttributeOf eq null                                                          | true  | true",
        "AttributeOf ne null                                                          | false | false",
        "not (LogicalName eq 'gendercode' or LogicalName eq 'lastname')               | false | false",
        "LogicalName eq 'lastname' and IsCustomAttribute eq false                     | false | true",
        "LogicalName gt 'h'                                                           | false | true",
        "MetadataId eq 7D85E57D-AA62-3E91-A87E-03A3F7264A8F                           | true  | false",
        "LogicalName eq 'O''Brian'                                                    | false | false"
      })
  @DisplayName("query-metadata-web-api.md: comparisons with string, enum, boolean, null and GUID literals, on "
      + "properties and paths into complex properties")
  void evaluates_comparisons(String filter, boolean picklist, boolean lastname) {
    MetadataFilter parsed = MetadataFilter.parse(filter, MetadataType.ATTRIBUTE);

    assertThat(parsed.test(PICKLIST)).isEqualTo(picklist);
    assertThat(parsed.test(LASTNAME)).isEqualTo(lastname);
  }

  @Test
  @DisplayName("a property the declared type lacks is refused with the OData URI parser's text")
  void refuses_unknown_properties() {
    assertThatThrownBy(() -> MetadataFilter.parse("MaxLength eq 100", MetadataType.ATTRIBUTE))
        .isInstanceOf(ODataQueryException.class)
        .hasMessage("Could not find a property named 'MaxLength' on type 'Microsoft.Dynamics.CRM.AttributeMetadata'.");
    assertThat(MetadataFilter.parse("MaxLength eq 100", MetadataType.STRING_ATTRIBUTE)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "LogicalName", "LogicalName eq", "LogicalName eq 'a' and", "(LogicalName eq 'a'",
      "LogicalName eq 'a')", "LogicalName has 'a'", "contains(LogicalName,'a')", "LogicalName eq 'a", "% eq 1",
      "LogicalName eq LogicalName", "LogicalName eq 1.2.3", "RequiredLevel/ eq 'a'"})
  @DisplayName("malformed filters are refused as query errors (400), never as other exceptions")
  void refuses_malformed_filters(String filter) {
    assertThatThrownBy(() -> MetadataFilter.parse(filter, MetadataType.ENTITY))
        .isInstanceOf(ODataQueryException.class)
        .hasMessageNotContaining("null");
  }

  @Test
  @DisplayName("deeply nested parentheses are refused instead of overflowing the stack")
  void bounds_nesting() {
    String deep = "(".repeat(10_000) + "LogicalName eq 'a'" + ")".repeat(10_000);

    assertThatThrownBy(() -> MetadataFilter.parse(deep, MetadataType.ENTITY))
        .isInstanceOf(ODataQueryException.class)
        .hasMessageStartingWith("The filter is nested too deeply");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15})
  @DisplayName("random filter text either parses and evaluates or is refused as a query error")
  void random_text_never_escapes_as_another_exception(long seed) {
    Random random = new Random(seed);
    String[] pieces = {"LogicalName", "AttributeType", "RequiredLevel", "/", "Value", " eq ", " ne ", " gt ", " and ",
        " or ", "not ", "(", ")", "'x'", "'", "''", "true", "null", "42", "-1.5", "Microsoft.Dynamics.CRM.X'Y'",
        "7d85e57d-aa62-3e91-a87e-03a3f7264a8f", " ", "$", "contains(", ","};
    for (int i = 0; i < 500; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(8);
      for (int j = 0; j < length; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String filter = text.toString();
      try {
        MetadataFilter parsed = MetadataFilter.parse(filter, MetadataType.ATTRIBUTE);
        parsed.test(PICKLIST);
      } catch (ODataQueryException expected) {
        assertThat(expected.code()).as("seed %d, filter %s", seed, filter).isEqualTo("0x80060888");
      }
    }
  }

  private static ObjectNode attribute(String name, String type, String requiredLevel, boolean custom) {
    ObjectNode attribute = Json.object();
    attribute.put("LogicalName", name);
    attribute.put("AttributeType", type);
    attribute.putNull("AttributeOf");
    attribute.put("IsCustomAttribute", custom);
    attribute.putObject("RequiredLevel").put("Value", requiredLevel);
    attribute.put("MetadataId", custom ? "7d85e57d-aa62-3e91-a87e-03a3f7264a8f" : "00000000-0000-0000-0000-000000000001");
    return attribute;
  }
}
