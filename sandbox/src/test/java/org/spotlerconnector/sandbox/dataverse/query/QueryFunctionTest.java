package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spotlerconnector.sandbox.dataverse.query.Contacts.matches;
import static org.spotlerconnector.sandbox.dataverse.query.Contacts.row;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dataverse query functions (filter-rows.md, dataverse-api.md §2.4)")
class QueryFunctionTest {

  private static final Clock MAY_10_NOON = Clock.fixed(Instant.parse("2024-05-10T12:00:00Z"), ZoneOffset.UTC);

  /** A call of a query function by its qualified name. */
  private static String crm(String function) {
    return "Microsoft.Dynamics.CRM." + function;
  }

  private static RowFilter atMay10Noon(String filter) {
    return FilterParser.parse(filter, Contacts.SCHEMA, Map.of(), MAY_10_NOON);
  }

  @Test
  @DisplayName("filter-rows.md: In with aliases and double-quoted values holding single quotes")
  void in_matches_any_listed_value() {
    Map<String, String> aliases =
        Map.of("@p1", "'lastname'", "@p2", "[\"OBrian\",\"OBryan\",\"O'Brian\",\"O'Bryan\"]");
    RowFilter filter = FilterParser.parse(crm("In(PropertyName=@p1,PropertyValues=@p2)"), Contacts.SCHEMA, aliases);

    assertThat(filter.test(row("lastname", "o'brian"))).isTrue();
    assertThat(filter.test(row("lastname", "Smith"))).isFalse();
    assertThat(filter.test(row())).isFalse();
  }

  @Test
  void in_converts_values_to_the_column_type() {
    ObjectNode twoChildren = row("numberofchildren", 2);

    assertThat(matches(crm("In(PropertyName='numberofchildren',PropertyValues=['1','2'])"), twoChildren)).isTrue();
    assertThat(matches(crm("In(PropertyName='numberofchildren',PropertyValues=[1,3])"), twoChildren)).isFalse();
  }

  @Test
  void in_accepts_a_lookup_by_its_logical_name() {
    String owner = "00000000-0000-0000-0000-00000000000a";
    String filter = crm("In(PropertyName='ownerid',PropertyValues=['" + owner.toUpperCase() + "'])");

    assertThat(matches(filter, row("_ownerid_value", owner))).isTrue();
  }

  @Test
  void not_in_matches_values_outside_the_list_but_not_null() {
    String filter = crm("NotIn(PropertyName='lastname',PropertyValues=[\"Smith\"])");

    assertThat(matches(filter, row("lastname", "Jones"))).isTrue();
    assertThat(matches(filter, row("lastname", "SMITH"))).isFalse();
    assertThat(matches(filter, row())).isFalse();
  }

  @Test
  @DisplayName("multi-select-picklist.md: ContainValues matches rows with any of the values selected")
  void contain_values_matches_any_selected_value() {
    String filter = crm("ContainValues(PropertyName='sample_outdooractivities',PropertyValues=['2','9'])");

    assertThat(matches(filter, row("sample_outdooractivities", "1,2,3"))).isTrue();
    assertThat(matches(filter, row("sample_outdooractivities", "1,3"))).isFalse();
    assertThat(matches(filter, row())).isFalse();
  }

  @Test
  void does_not_contain_values_matches_rows_with_none_of_the_values() {
    String filter = crm("DoesNotContainValues(PropertyName='sample_outdooractivities',PropertyValues=['2'])");

    assertThat(matches(filter, row("sample_outdooractivities", "1,3"))).isTrue();
    assertThat(matches(filter, row("sample_outdooractivities", "2"))).isFalse();
  }

  @Test
  @DisplayName("filter-rows.md: Between(PropertyName='numberofemployees',PropertyValues=[\"5\",\"2000\"])")
  void between_includes_both_bounds() {
    String between = crm("Between(PropertyName='numberofchildren',PropertyValues=[\"5\",\"2000\"])");
    String notBetween = crm("NotBetween(PropertyName='numberofchildren',PropertyValues=[\"5\",\"2000\"])");

    assertThat(matches(between, row("numberofchildren", 5))).isTrue();
    assertThat(matches(between, row("numberofchildren", 2000))).isTrue();
    assertThat(matches(between, row("numberofchildren", 4))).isFalse();
    assertThat(matches(between, row("numberofchildren", 2001))).isFalse();
    assertThat(matches(notBetween, row("numberofchildren", 4))).isTrue();
    assertThat(matches(notBetween, row())).isFalse();
  }

  @Test
  void on_or_after_and_on_or_before_compare_whole_days() {
    ObjectNode lateOnMay1 = row("createdon", "2024-05-01T23:59:00Z");

    assertThat(matches(crm("OnOrAfter(PropertyName='createdon',PropertyValue='2024-05-01')"), lateOnMay1)).isTrue();
    assertThat(matches(crm("OnOrAfter(PropertyName='createdon',PropertyValue='2024-05-02')"), lateOnMay1)).isFalse();
    assertThat(matches(crm("OnOrBefore(PropertyName='createdon',PropertyValue='2024-05-01')"), lateOnMay1)).isTrue();
    assertThat(matches(crm("OnOrBefore(PropertyName='createdon',PropertyValue='2024-04-30')"), lateOnMay1)).isFalse();
    assertThat(matches(crm("On(PropertyName='createdon',PropertyValue='2024-05-01')"), lateOnMay1)).isTrue();
    assertThat(matches(crm("On(PropertyName='createdon',PropertyValue=2024-05-01)"), lateOnMay1)).isTrue();
  }

  @Test
  void last_x_days_runs_from_midnight_x_days_ago_until_now() {
    RowFilter lastThreeDays = atMay10Noon(crm("LastXDays(PropertyName='createdon',PropertyValue=3)"));

    assertThat(lastThreeDays.test(row("createdon", "2024-05-07T00:00:00Z"))).isTrue();
    assertThat(lastThreeDays.test(row("createdon", "2024-05-10T12:00:00Z"))).isTrue();
    assertThat(lastThreeDays.test(row("createdon", "2024-05-06T23:59:59Z"))).isFalse();
    assertThat(lastThreeDays.test(row("createdon", "2024-05-10T12:00:01Z"))).isFalse();
  }

  @Test
  void next_x_days_and_hours_look_ahead_from_now() {
    RowFilter nextDay = atMay10Noon(crm("NextXDays(PropertyName='createdon',PropertyValue='1')"));
    RowFilter lastHour = atMay10Noon(crm("LastXHours(PropertyName='createdon',PropertyValue=1)"));

    assertThat(nextDay.test(row("createdon", "2024-05-11T23:59:59Z"))).isTrue();
    assertThat(nextDay.test(row("createdon", "2024-05-12T00:00:00Z"))).isFalse();
    assertThat(lastHour.test(row("createdon", "2024-05-10T11:30:00Z"))).isTrue();
    assertThat(lastHour.test(row("createdon", "2024-05-10T10:59:00Z"))).isFalse();
  }

  @Test
  void combines_with_other_conditions() {
    String parent = "6f1c0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    String filter =
        "_parentcustomerid_value eq " + parent
            + " and " + crm("ContainValues(PropertyName='sample_outdooractivities',PropertyValues=['1'])");

    assertThat(matches(filter, row("_parentcustomerid_value", parent, "sample_outdooractivities", "1"))).isTrue();
  }

  @Test
  void rejects_functions_the_emulator_does_not_know() {
    assertThatThrownBy(() -> matches(crm("ThisFiscalYear(PropertyName='createdon')"), row()))
        .isInstanceOf(ODataQueryException.class)
        .hasMessageStartingWith("An unknown function with name 'Microsoft.Dynamics.CRM.ThisFiscalYear' was found.");
  }
}
