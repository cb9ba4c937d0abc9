package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaTypesTest {

  @ParameterizedTest
  @CsvSource({
    "String, TEXT", "Memo, TEXT", "Boolean, BOOLEAN", "Integer, WHOLE_NUMBER", "BigInt, WHOLE_NUMBER",
    "Decimal, DECIMAL", "Double, DECIMAL", "Money, MONEY", "DateTime, DATE_TIME", "Picklist, CHOICE",
    "State, CHOICE", "Status, CHOICE", "MultiSelectPicklistType, MULTI_CHOICE", "Lookup, LOOKUP", "Customer, LOOKUP",
    "Owner, LOOKUP", "Uniqueidentifier, UNIQUE_IDENTIFIER", "Image, OTHER", "Virtual, OTHER"
  })
  void groups_dataverse_attribute_types(String attributeType, ColumnType expected) {
    assertThat(ColumnType.fromAttributeType(attributeType)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"birthdate, BIRTHDATE", "dateTime, DATE_TIME", "mobNr, MOB_NR", "set, SET", "string, STRING"})
  void reads_spotler_property_types_as_the_api_names_them(String wireName, SpotlerPropertyType expected) {
    assertThat(SpotlerPropertyType.fromWireName(wireName)).contains(expected);
    assertThat(expected.wireName()).isEqualTo(wireName);
  }

  @ParameterizedTest
  @CsvSource({"emial, email", "FirstName, firstName", "adress1_city, address1_city"})
  void suggests_the_closest_known_name(String typed, String expected) {
    assertThat(Suggestions.closest(typed, List.of("email", "firstName", "address1_city", "city")))
        .contains(expected);
  }

  @Test
  void suggests_nothing_when_no_name_is_close() {
    assertThat(Suggestions.didYouMean("zzzzzz", List.of("email", "city"))).isEmpty();
  }
}
