package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.config.InboundSyncConfig.CreateAs;
import org.spotlerconnector.config.InboundSyncConfig.NewSubscribersConfig;
import org.spotlerconnector.config.InboundSyncConfig.SourceColumn;

/** The {@code sync.inbound} section of the configuration. */
class InboundSyncConfigTest {
  private static final String MINIMAL =
      """
      dataverse:
        url: https://contoso.crm4.dynamics.com/
        tenant: contoso.onmicrosoft.com
        clientId: 11111111-2222-3333-4444-555555555555
        clientSecret: dv-secret
      spotler:
        consumerKey: key
        consumerSecret: spotler-secret
      """;

  private final ConfigLoader loader = new ConfigLoader(Map.of("SOURCE_VALUE", "Spotler form")::get);

  private InboundSyncConfig inbound(String inboundYaml) {
    return loader.load("connector.yml", MINIMAL + "sync:\n  inbound:\n" + inboundYaml.indent(4)).sync().inbound();
  }

  /** The problems of a file whose {@code sync.inbound} section is {@code inboundYaml}, from line 11, column 5. */
  private List<String> problems(String inboundYaml) {
    try {
      inbound(inboundYaml);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected the configuration to be refused");
  }

  @Test
  void is_enabled_and_creates_leads_by_default() {
    InboundSyncConfig inbound = loader.load("connector.yml", MINIMAL).sync().inbound();

    assertThat(inbound).isEqualTo(InboundSyncConfig.DEFAULT);
    assertThat(inbound.enabled()).isTrue();
    assertThat(inbound.pollInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(inbound.overlap()).isEqualTo(Duration.ofMinutes(10));
    assertThat(inbound.pageSize()).isEqualTo(100);
    assertThat(inbound.newSubscribers())
        .isEqualTo(new NewSubscribersConfig(CreateAs.LEAD, List.of("emailaddress1"), Optional.empty(), Optional.empty()));
    assertThat(SyncConfig.DEFAULT.inbound()).isEqualTo(InboundSyncConfig.DEFAULT);
  }

  @Test
  void an_empty_section_takes_the_defaults() {
    assertThat(inbound("newSubscribers:\n")).isEqualTo(InboundSyncConfig.DEFAULT);
  }

  @Test
  void reads_every_setting() {
    InboundSyncConfig inbound =
        inbound(
            """
            enabled: false
            pollInterval: 30s
            overlap: 1h
            pageSize: 500
            newSubscribers:
              createAs: contact
              matchOn: [emailaddress1, lastname]
              source: {column: leadsourcecode, value: "${SOURCE_VALUE}"}
            """);

    assertThat(inbound)
        .isEqualTo(
            new InboundSyncConfig(
                false,
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                500,
                new NewSubscribersConfig(
                    CreateAs.CONTACT,
                    List.of("emailaddress1", "lastname"),
                    Optional.empty(),
                    Optional.of(new SourceColumn("leadsourcecode", "Spotler form")))));
  }

  @Test
  void creates_rows_of_a_custom_table_matched_on_the_default_columns() {
    NewSubscribersConfig newSubscribers =
        inbound("newSubscribers:\n  createAs: entity\n  entity: ifunds_membershipentry\n").newSubscribers();

    assertThat(newSubscribers.createAs()).isEqualTo(CreateAs.ENTITY);
    assertThat(newSubscribers.entity()).contains("ifunds_membershipentry");
    assertThat(newSubscribers.matchOn()).containsExactly("emailaddress1");
  }

  @Test
  void lists_every_problem_with_file_line_column_and_what_to_fix() {
    assertThat(
            problems(
                """
                pollIntervall: 1m
                overlap: 2d
                pageSize: 0
                newSubscribers:
                  createAs: customer
                  matchOn: [emailaddress1, Email Address, [nested]]
                  source: {column: leadsourcecode}
                """))
        .containsExactly(
            "connector.yml:11:5: sync.inbound.pollIntervall: unknown setting; did you mean 'pollInterval'?;"
                + " known here: enabled, newSubscribers, overlap, pageSize, pollInterval",
            "connector.yml:12:14: sync.inbound.overlap: '2d' is not valid; write a duration up to 24h, e.g. 10m;"
                + " every poll reads the overlap again, and after a stop the connector resumes where it stopped"
                + " whatever the overlap",
            "connector.yml:13:15: sync.inbound.pageSize: '0' is not valid; write a whole number from 1 to 1000",
            "connector.yml:15:17: sync.inbound.newSubscribers.createAs: 'customer' is not valid;"
                + " use one of lead, contact, entity, ignore",
            "connector.yml:16:32: sync.inbound.newSubscribers.matchOn[1]: 'Email Address' is not valid;"
                + " write a logical name: letters, digits and _ only, e.g. emailaddress1",
            "connector.yml:16:47: sync.inbound.newSubscribers.matchOn[2]: found a list; write a column's logical name,"
                + " e.g. emailaddress1",
            "connector.yml:17:7: sync.inbound.newSubscribers.source.value: missing; set the value the column gets on"
                + " a created row, e.g. Spotler");
  }

  @Test
  void a_custom_table_must_be_named() {
    assertThat(problems("newSubscribers:\n  createAs: entity\n"))
        .containsExactly(
            "connector.yml:11:5: sync.inbound.newSubscribers.entity: missing; createAs: entity needs the logical"
                + " name of the table to create rows in, e.g. new_membershipentry");
  }

  @Test
  void settings_that_the_chosen_kind_of_row_would_ignore_are_problems() {
    assertThat(problems("newSubscribers:\n  createAs: lead\n  matchOn: [emailaddress1]\n  entity: new_entry\n"))
        .containsExactly(
            "connector.yml:13:16: sync.inbound.newSubscribers.matchOn: used only with createAs: contact or entity,"
                + " as createAs: lead never looks for an existing row; remove it",
            "connector.yml:14:15: sync.inbound.newSubscribers.entity: used only with createAs: entity; remove it,"
                + " or set createAs: entity");
    assertThat(problems("newSubscribers:\n  createAs: ignore\n  source: {column: leadsourcecode, value: 1}\n"))
        .containsExactly(
            "connector.yml:13:15: sync.inbound.newSubscribers.source: used only when rows are created, and"
                + " createAs: ignore creates none; remove it");
  }

  @Test
  void a_dedupe_rule_needs_at_least_one_column() {
    assertThat(problems("newSubscribers:\n  createAs: contact\n  matchOn: []\n"))
        .containsExactly(
            "connector.yml:13:16: sync.inbound.newSubscribers.matchOn: empty; name the columns that identify the"
                + " same person, e.g. [emailaddress1] (the default when matchOn is left out)");
  }

  @Test
  void suggests_the_closest_name_for_a_mistyped_setting_in_new_subscribers() {
    assertThat(problems("newSubscribers:\n  createAS: contact\n"))
        .singleElement()
        .asString()
        .startsWith("connector.yml:12:7: sync.inbound.newSubscribers.createAS: unknown setting;"
            + " did you mean 'createAs'?");
  }
}
