package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityKeyTest {
  private static final TableDefinition CONTACT =
      BuiltInTables.contact().toBuilder().alternateKey("emailaddress1").alternateKey("firstname", "lastname").build();

  @Test
  void reads_a_bare_guid_and_the_named_primary_key() {
    UUID id = UUID.randomUUID();

    assertThat(EntityKey.parse(id.toString(), CONTACT)).isEqualTo(new EntityKey.ById(id));
    assertThat(EntityKey.parse("contactid=" + id, CONTACT)).isEqualTo(new EntityKey.ById(id));
  }

  @Test
  void orders_multi_part_key_values_as_the_key_is_declared() {
    EntityKey key = EntityKey.parse("lastname='Smith',firstname='Ann'", CONTACT);

    assertThat(key).isInstanceOfSatisfying(EntityKey.ByAlternateKey.class, k -> {
      assertThat(k.columns()).containsExactly("firstname", "lastname");
      assertThat(k.values()).extracting(v -> v.asText()).containsExactly("Ann", "Smith");
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void reads_back_any_quoted_string(long seed) {
    Random random = new Random(seed);
    String alphabet = "ab'',()=/ é\"x";
    for (int i = 0; i < 200; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String literal = "'" + value.toString().replace("'", "''") + "'";

      EntityKey key = EntityKey.parse("emailaddress1=" + literal, CONTACT);

      assertThat(((EntityKey.ByAlternateKey) key).values().get(0).asText()).as("seed %d: %s", seed, literal).isEqualTo(value.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "telephone1='1'", "emailaddress1='x", "emailaddress1='x',", "emailaddress1=x y",
      "firstname='a'", "emailaddress1='a',emailaddress1='b'", "contactid=12", "=1"})
  void refuses_keys_the_table_does_not_declare(String text) {
    assertThatThrownBy(() -> EntityKey.parse(text, CONTACT))
        .isInstanceOfSatisfying(DataverseException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void reads_references_in_every_documented_form() {
    List<String> forms = List.of("/accounts(1)", "accounts(1)", "http://h:1/api/data/v9.2/accounts(1)");

    for (String form : forms) {
      assertThat(EntityReference.parse(form)).contains(new EntityReference("accounts", "1"));
    }
    assertThat(EntityReference.parse("accounts")).isEmpty();
  }
}
