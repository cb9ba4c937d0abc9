package org.spotlerconnector.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The model against docs/dataverse-tables.md. */
class ConnectorTablesTest {
  private static final Map<String, TableSpec> TABLES = ConnectorTables.definitions("spot", 10_000).stream()
      .collect(Collectors.toMap(TableSpec::logicalName, Function.identity()));

  private static TableSpec table(String name) {
    return TABLES.get(name);
  }

  @Test
  void lists_the_six_tables_of_the_contract_with_lookup_targets_first() {
    assertThat(ConnectorTables.definitions("spot", 10_000)).extracting(TableSpec::logicalName).containsExactly(
        "spot_spotlerautomation", "spot_spotlerjob", "spot_spotlerpermission", "spot_spotlerinfo",
        "spot_marketinginteraction", "spot_websitevisitor");
    assertThat(table("spot_spotlerjob").entitySetName()).isEqualTo("spot_spotlerjobs");
  }

  @Test
  void spotler_job_has_every_column_of_the_contract() {
    TableSpec job = table("spot_spotlerjob");
    assertThat(job.primaryName()).isEqualTo(new Column.Text("spot_Name", "Name", 200, "Text"));
    assertThat(job.columns()).extracting(Column::logicalName).containsExactlyInAnyOrder(
        "spot_operation", "spot_customer", "spot_lead", "spot_automation", "spot_automationfields",
        "spot_automationcontactid", "spot_tag", "spot_marketinglist", "spot_audience", "spot_score", "spot_resultcode",
        "spot_resultmessage", "spot_attempts", "spot_startedon", "spot_completedon", "spot_nextattempton");
    assertThat(job.column("spot_marketinglist").orElseThrow()).isInstanceOfSatisfying(Column.Lookup.class,
        lookup -> assertThat(lookup.targets()).containsExactly("list"));
    assertThat(job.column("spot_audience").orElseThrow()).isInstanceOfSatisfying(Column.Text.class,
        text -> assertThat(text.maxLength()).isEqualTo(255));
    assertThat(job.column("spot_automationfields")).contains(
        new Column.Memo("spot_AutomationFields", "Automation Fields", 100_000));
    assertThat(job.column("spot_automationcontactid").orElseThrow()).isInstanceOfSatisfying(Column.Text.class,
        text -> assertThat(text.maxLength()).isEqualTo(4_000));
    assertThat(job.column("spot_tag").orElseThrow()).isInstanceOfSatisfying(Column.Text.class,
        text -> assertThat(text.maxLength()).isEqualTo(1_000));
    assertThat(job.column("spot_resultmessage")).contains(
        new Column.Memo("spot_ResultMessage", "Result Message", 4_000));
    assertThat(job.column("spot_score").orElseThrow()).isInstanceOf(Column.WholeNumber.class);
    assertThat(job.column("spot_nextattempton").orElseThrow()).isInstanceOf(Column.DateAndTime.class);
  }

  @Test
  void operations_are_the_option_prefix_followed_by_their_number() {
    Column.Choice operation = (Column.Choice) table("spot_spotlerjob").column("spot_operation").orElseThrow();
    assertThat(operation.required()).isTrue();
    assertThat(operation.options()).hasSize(12)
        .containsEntry(100_000_001, "Sync Contact")
        .containsEntry(100_000_003, "Start Automation")
        .containsEntry(100_000_012, "Remove from List");
  }

  @Test
  void job_status_reasons_follow_the_contract() {
    assertThat(table("spot_spotlerjob").statusReasons()).containsExactly(
        new StatusReason(1, "Queued", 0, true),
        new StatusReason(100_000_001, "In Progress", 0, false),
        new StatusReason(2, "Completed", 1, true),
        new StatusReason(100_000_002, "Failed", 1, false),
        new StatusReason(100_000_003, "Cancelled", 1, false));
  }

  @Test
  void job_lookups_point_at_customer_lead_and_automation() {
    TableSpec job = table("spot_spotlerjob");
    Column.Lookup customer = (Column.Lookup) job.column("spot_customer").orElseThrow();
    assertThat(customer.isCustomer()).isTrue();
    assertThat(customer.navigationProperty(0)).isEqualTo("spot_customer_account");
    assertThat(customer.navigationProperty(1)).isEqualTo("spot_customer_contact");
    assertThat(((Column.Lookup) job.column("spot_lead").orElseThrow()).targets()).containsExactly("lead");
    Column.Lookup automation = (Column.Lookup) job.column("spot_automation").orElseThrow();
    assertThat(automation.targets()).containsExactly("spot_spotlerautomation");
    assertThat(automation.navigationProperty(0)).isEqualTo("spot_automation");
  }

  @Test
  void spotler_automation_has_every_column_and_the_trigger_code_key() {
    TableSpec automation = table("spot_spotlerautomation");
    assertThat(automation.primaryName().maxLength()).isEqualTo(300);
    assertThat(automation.columns()).extracting(Column::logicalName).containsExactlyInAnyOrder(
        "spot_kind", "spot_triggercode", "spot_spotlerid", "spot_automationfields", "spot_isactive");
    assertThat(((Column.Choice) automation.column("spot_kind").orElseThrow()).options())
        .containsExactly(Map.entry(1, "Automation"), Map.entry(2, "Campaign"));
    assertThat(automation.keys()).singleElement()
        .satisfies(key -> assertThat(key.columns()).containsExactly("spot_triggercode"));
  }

  @Test
  void the_other_tables_have_their_lookups_and_columns() {
    assertThat(table("spot_spotlerpermission").columns()).extracting(Column::logicalName)
        .containsExactlyInAnyOrder("spot_customer", "spot_lead", "spot_bit", "spot_isenabled");
    assertThat(table("spot_spotlerpermission").keys()).singleElement()
        .satisfies(key -> assertThat(key.columns()).contains("spot_bit"));
    assertThat(table("spot_spotlerinfo").columns()).extracting(Column::logicalName).containsExactlyInAnyOrder(
        "spot_customer", "spot_lead", "spot_spotlerid", "spot_laststatus", "spot_lastsyncedon", "spot_isactive",
        "spot_lasterror");
    assertThat(table("spot_marketinginteraction").columns()).extracting(Column::logicalName)
        .containsExactlyInAnyOrder("spot_customer", "spot_lead", "spot_type", "spot_mailingid", "spot_occurredon",
            "spot_url");
    assertThat(((Column.Choice) table("spot_marketinginteraction").column("spot_type").orElseThrow()).options()
        .values()).containsExactly("Sent", "Opened", "Clicked", "Bounced");
    assertThat(table("spot_websitevisitor").columns()).extracting(Column::logicalName)
        .containsExactlyInAnyOrder("spot_company", "spot_visits", "spot_score", "spot_customer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"spot", "acme", "xy", "contoso1"})
  void every_name_uses_the_prefix(String prefix) {
    for (TableSpec table : ConnectorTables.definitions(prefix, 12_345)) {
      Stream<String> names = Stream.of(
          Stream.of(table.schemaName(), table.primaryName().schemaName()),
          table.columns().stream().map(Column::schemaName),
          table.columns().stream().filter(Column.Lookup.class::isInstance)
              .flatMap(c -> ((Column.Lookup) c).relationshipSchemaNames().stream()),
          table.keys().stream().flatMap(k -> Stream.concat(Stream.of(k.schemaName()), k.columns().stream())))
          .flatMap(Function.identity());
      assertThat(names).allSatisfy(name -> assertThat(name).startsWith(prefix + "_"));
      table.statusReasons().stream().filter(reason -> !reason.builtIn())
          .forEach(reason -> assertThat(reason.value() / 10_000).isEqualTo(12_345));
    }
    assertThat(ConnectorTables.environmentVariables(prefix)).extracting(EnvironmentVariable::schemaName)
        .containsExactly(prefix + "_permissions", prefix + "_permissions_enabled_by_default");
  }

  @Test
  @DisplayName("the marketing list table gets the Yes/No column that marks a list for sync")
  void the_list_table_gets_the_sync_flag() {
    assertThat(ConnectorTables.standardTableColumns("acme", 10_000)).containsExactly(
        new StandardTableColumn("list", new Column.YesNo("acme_SyncToSpotler", "Sync to Spotler")));
  }

  @Test
  void relationship_names_are_unique() {
    List<String> relationships = ConnectorTables.definitions("spot", 10_000).stream()
        .flatMap(t -> t.columns().stream()).filter(Column.Lookup.class::isInstance)
        .flatMap(c -> ((Column.Lookup) c).relationshipSchemaNames().stream()).toList();
    assertThat(relationships).doesNotHaveDuplicates();
  }

  @Test
  void rejects_a_prefix_or_option_value_prefix_dataverse_would_refuse() {
    assertThatThrownBy(() -> ConnectorTables.definitions("Spot", 10_000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConnectorTables.definitions("s", 10_000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConnectorTables.definitions("spot", 9_999)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defines_the_two_security_roles() {
    assertThat(ConnectorTables.roles("spot")).extracting(SecurityRole::name)
        .containsExactly("Spotler User", "Spotler Service");
  }

  @Test
  @DisplayName("Spotler User reads the connector's tables, creates and changes its own jobs, changes permissions and "
      + "may point a job at any customer, lead, marketing list or automation")
  void spotler_user_has_the_privileges_of_the_contract() {
    assertThat(privileges("Spotler User")).containsExactlyInAnyOrder(
        "prvReadspot_SpotlerAutomation (Global)", "prvReadspot_SpotlerJob (Global)",
        "prvReadspot_SpotlerPermission (Global)", "prvReadspot_SpotlerInfo (Global)",
        "prvReadspot_MarketingInteraction (Global)", "prvReadspot_WebsiteVisitor (Global)",
        "prvCreatespot_SpotlerJob (Basic)", "prvWritespot_SpotlerJob (Basic)", "prvAppendspot_SpotlerJob (Basic)",
        "prvWritespot_SpotlerPermission (Global)",
        "prvAppendToContact (Global)", "prvAppendToLead (Global)", "prvAppendToAccount (Global)",
        "prvAppendToList (Global)", "prvAppendTospot_SpotlerAutomation (Global)");
  }

  @Test
  @DisplayName("Spotler Service has full access to the connector's tables, changes the CRM tables it syncs, reads "
      + "users and environment variables and writes environment variable values, everywhere (Global)")
  void spotler_service_has_the_privileges_of_the_contract() {
    List<String> service = privileges("Spotler Service");

    assertThat(service).hasSize(6 * 6 + 6 * 5 + 3 + 4).allMatch(privilege -> privilege.endsWith("(Global)"));
    assertThat(service).contains(
        "prvCreatespot_SpotlerJob (Global)", "prvDeletespot_WebsiteVisitor (Global)",
        "prvAppendTospot_SpotlerInfo (Global)", "prvWriteContact (Global)", "prvCreateList (Global)",
        "prvAppendToCampaign (Global)", "prvCreatePost (Global)", "prvReadUser (Global)",
        "prvReadEnvironmentVariableDefinition (Global)", "prvReadEnvironmentVariableValue (Global)",
        "prvCreateEnvironmentVariableValue (Global)", "prvWriteEnvironmentVariableValue (Global)",
        "prvAppendEnvironmentVariableValue (Global)", "prvAppendToEnvironmentVariableDefinition (Global)");
    assertThat(service).doesNotContain(
        "prvDeleteContact (Global)", "prvWriteUser (Global)", "prvWriteEnvironmentVariableDefinition (Global)");
    assertThat(ConnectorTables.roles("acme").get(1).privileges()).extracting(RolePrivilege::name)
        .contains("prvReadacme_SpotlerJob").noneMatch(name -> name.contains("spot_"));
  }

  private static List<String> privileges(String role) {
    return ConnectorTables.roles("spot").stream().filter(r -> r.name().equals(role)).findFirst().orElseThrow()
        .privileges().stream().map(RolePrivilege::toString).toList();
  }
}
