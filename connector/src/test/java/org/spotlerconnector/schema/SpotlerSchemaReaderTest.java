package org.spotlerconnector.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.SpotlerProperty;
import org.spotlerconnector.mapping.SpotlerPropertyType;
import org.spotlerconnector.mapping.SpotlerSchema;
import org.spotlerconnector.spotler.ContactProperty;

class SpotlerSchemaReaderTest {

  @Test
  @DisplayName("spotler-api.md §2.2: every documented property type")
  void reads_each_property_with_its_type() {
    List<ContactProperty> properties =
        List.of(
            property("birthday", "birthdate"),
            property("firstPurchaseDate", "date"),
            property("lastContactMoment", "dateTime"),
            property("email", "email"),
            property("gender", "gender"),
            property("numberOfOrders", "int"),
            property("mobileNumber", "mobNr"),
            property("totalRevenue", "money"),
            property("postalCode", "postcode"),
            property("permissions", "set"),
            property("firstName", "string"));

    SpotlerSchema schema = new SpotlerSchemaReader(() -> properties).read();

    assertThat(schema.propertyNames()).hasSize(11);
    assertThat(schema.property("birthday")).contains(new SpotlerProperty("birthday", SpotlerPropertyType.BIRTHDATE));
    assertThat(schema.property("lastContactMoment")).map(SpotlerProperty::type).contains(SpotlerPropertyType.DATE_TIME);
    assertThat(schema.property("mobileNumber")).map(SpotlerProperty::type).contains(SpotlerPropertyType.MOB_NR);
    assertThat(schema.property("permissions")).map(SpotlerProperty::type).contains(SpotlerPropertyType.SET);
    assertThat(schema.property("firstName")).map(SpotlerProperty::type).contains(SpotlerPropertyType.STRING);
  }

  @Test
  void keeps_property_names_as_written_since_they_are_case_sensitive() {
    SpotlerSchema schema = new SpotlerSchemaReader(() -> List.of(property("firstName", "string"))).read();

    assertThat(schema.property("firstName")).isPresent();
    assertThat(schema.property("firstname")).isEmpty();
  }

  @Test
  void leaves_out_a_property_of_a_type_the_connector_does_not_know() {
    SpotlerSchema schema =
        new SpotlerSchemaReader(
                () -> List.of(property("email", "email"), property("score", "decimal"), property("odd", null)))
            .read();

    assertThat(schema.propertyNames()).containsExactly("email");
  }

  private static ContactProperty property(String name, String type) {
    return new ContactProperty(name, name + " description", type, List.of());
  }
}
