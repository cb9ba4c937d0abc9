package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.merge.ConflictRule;

/** The {@code conflict} key of a mapping row. */
class MappingConflictRuleTest {
  private static final String CONNECTION =
      """
      dataverse:
        url: https://contoso.crm4.dynamics.com/
        tenant: contoso.onmicrosoft.com
        clientId: 11111111-2222-3333-4444-555555555555
        clientSecret: secret
      spotler:
        consumerKey: key
        consumerSecret: secret
      """;

  private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

  private List<FieldMapping> mapping(String rows) {
    return loader.load("connector.yml", CONNECTION + rows).mapping();
  }

  private List<String> problems(String rows) {
    try {
      loader.load("connector.yml", CONNECTION + rows);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected the configuration to be refused");
  }

  @Test
  void reads_the_rule_of_a_two_way_row_and_defaults_to_dynamics() {
    List<FieldMapping> rows =
        mapping(
            """
            mapping:
              - spotler: lastName
                contact: lastname
                direction: <->
                conflict: non-blank
              - spotler: firstName
                contact: firstname
                direction: <->
              - spotler: email
                contact: emailaddress1
            """);

    assertThat(rows).extracting(FieldMapping::conflictRule)
        .containsExactly(ConflictRule.NON_BLANK, ConflictRule.DYNAMICS, ConflictRule.DYNAMICS);
    assertThat(rows.get(1).conflict()).isEmpty();
  }

  @Test
  void refuses_an_unknown_rule_suggesting_the_closest() {
    assertThat(
            problems(
                """
                mapping:
                  - spotler: lastName
                    contact: lastname
                    direction: <->
                    conflict: newst
                """))
        .containsExactly(
            "connector.yml:13:15: mapping[0].conflict: 'newst' is not valid; use one of dynamics, spotler, newest,"
                + " non-blank; did you mean 'newest'?");
  }

  @Test
  void refuses_a_rule_on_a_row_that_is_not_two_way() {
    assertThat(
            problems(
                """
                mapping:
                  - spotler: lastName
                    contact: lastname
                    conflict: spotler
                  - spotler: firstName
                    contact: firstname
                    direction: <-
                    conflict: newest
                """))
        .containsExactly(
            "connector.yml:12:15: mapping[0].conflict: a conflict rule applies to two-way rows only;"
                + " set direction: <-> or leave conflict out",
            "connector.yml:16:15: mapping[1].conflict: a conflict rule applies to two-way rows only;"
                + " set direction: <-> or leave conflict out");
  }
}
