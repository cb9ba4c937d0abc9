package org.spotlerconnector.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.SpotlerProperty;
import org.spotlerconnector.mapping.SpotlerPropertyType;
import org.spotlerconnector.mapping.SpotlerSchema;

/** The Spotler schema reader against the Mail+ emulator of the sandbox, over real HTTP. */
class SpotlerSchemaSandboxTest {
  private SandboxSchemas schemas;

  @BeforeEach
  void start() throws IOException {
    schemas = new SandboxSchemas();
  }

  @AfterEach
  void stop() {
    schemas.close();
  }

  @Test
  @DisplayName("spotler-api.md §2.2: the property list of the sandbox account, typed")
  void reads_the_spotler_account_schema() {
    SpotlerSchema schema = schemas.spotler.read();

    assertThat(schema.property("email")).map(SpotlerProperty::type).contains(SpotlerPropertyType.EMAIL);
    assertThat(schema.property("birthday")).map(SpotlerProperty::type).contains(SpotlerPropertyType.BIRTHDATE);
    assertThat(schema.property("mobileNumber")).map(SpotlerProperty::type).contains(SpotlerPropertyType.MOB_NR);
    assertThat(schema.property("totalRevenue")).map(SpotlerProperty::type).contains(SpotlerPropertyType.MONEY);
    assertThat(schema.property("permissions")).map(SpotlerProperty::type).contains(SpotlerPropertyType.SET);
  }
}
