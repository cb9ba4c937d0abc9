package org.spotlerconnector.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedDataTest {

  @Test
  void the_same_seed_gives_the_same_rows() {
    assertThat(SeedData.generate(5, 10, 50, 20).contacts()).isEqualTo(SeedData.generate(5, 10, 50, 20).contacts());
    assertThat(SeedData.generate(5, 10, 50, 20).contacts()).isNotEqualTo(SeedData.generate(6, 10, 50, 20).contacts());
  }

  @Test
  void ids_and_email_addresses_are_unique() {
    SeedData data = SeedData.generate(1, 100, 400, 200);
    Set<String> ids = new HashSet<>();
    Set<String> emails = new HashSet<>();
    data.contacts().forEach(c -> { ids.add(c.get("contactid").asText()); emails.add(c.get("emailaddress1").asText()); });
    data.leads().forEach(l -> { ids.add(l.get("leadid").asText()); emails.add(l.get("emailaddress1").asText()); });

    assertThat(ids).hasSize(600);
    assertThat(emails).hasSize(600).allMatch(e -> e.matches("[a-z0-9.]+@example\\.[a-z.]+"));
  }

  @Test
  void contacts_point_at_seeded_accounts_and_names_include_dutch_infixes_and_diacritics() {
    SeedData data = SeedData.generate(3, 50, 500, 0);
    Set<String> accountIds = new HashSet<>();
    data.accounts().forEach(a -> accountIds.add(a.get("accountid").asText()));

    assertThat(data.contacts()).filteredOn(c -> c.has("_parentcustomerid_value"))
        .allMatch(c -> accountIds.contains(c.get("_parentcustomerid_value").asText()))
        .hasSizeGreaterThan(300);
    assertThat(data.contacts()).anyMatch(c -> c.has("middlename"));
    assertThat(data.contacts()).anyMatch(c -> !c.get("lastname").asText().matches("[A-Za-z' ]+"));
    assertThat(data.contacts()).extracting(c -> c.get("address1_country").asText()).contains("Netherlands", "Germany");
  }

  @Test
  void dutch_postal_codes_have_the_dutch_format() {
    for (ObjectNode c : SeedData.generate(9, 0, 300, 0).contacts()) {
      if (c.get("address1_country").asText().equals("Netherlands")) {
        assertThat(c.get("address1_postalcode").asText()).matches("[1-9][0-9]{3} [A-Z]{2}");
      }
    }
  }
}
