package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.MappingValidator;
import org.spotlerconnector.mapping.TestSchemas;

class DefaultMappingTest {

  @Test
  void fits_a_standard_environment_and_a_dutch_spotler_account() {
    assertThat(
            new MappingValidator(TestSchemas.dutchSpotlerAccount(), TestSchemas.standardTables())
                .validate(DefaultMapping.rows()))
        .isEmpty();
  }

  @Test
  void covers_the_incumbents_default_fields() {
    assertThat(DefaultMapping.rows())
        .extracting(FieldMapping::spotlerField)
        .contains(
            "email", "firstName", "lastName", "gender", "birthday", "street", "postalCode", "city", "country",
            "phoneNumber", "organisation", "customerType", "permissions");
  }

  @Test
  void names_its_resource_in_locations() {
    assertThat(DefaultMapping.rows().get(0).location().file()).isEqualTo("default-mapping.yml");
  }
}
