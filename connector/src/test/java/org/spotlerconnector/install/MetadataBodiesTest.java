package org.spotlerconnector.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The metadata request bodies (dataverse-api.md §8). */
class MetadataBodiesTest {
  private final TableSpec job = ConnectorTables.definitions("spot", 10_000).get(1);

  @Test
  @DisplayName("§8: a table is an EntityMetadata with exactly one primary name StringAttributeMetadata")
  void table_body_has_the_primary_name_and_change_tracking() {
    ObjectNode body = MetadataBodies.table(job);

    assertThat(body.path("@odata.type").asText()).isEqualTo("Microsoft.Dynamics.CRM.EntityMetadata");
    assertThat(body.path("SchemaName").asText()).isEqualTo("spot_SpotlerJob");
    assertThat(body.path("OwnershipType").asText()).isEqualTo("UserOwned");
    assertThat(body.path("ChangeTrackingEnabled").asBoolean()).isTrue();
    assertThat(body.path("DisplayName").path("LocalizedLabels").get(0).path("Label").asText())
        .isEqualTo("Spotler Job");
    assertThat(body.path("Attributes")).singleElement().satisfies(name -> {
      assertThat(name.path("@odata.type").asText()).isEqualTo("Microsoft.Dynamics.CRM.StringAttributeMetadata");
      assertThat(name.path("IsPrimaryName").asBoolean()).isTrue();
      assertThat(name.path("MaxLength").asInt()).isEqualTo(200);
    });
  }

  @Test
  @DisplayName("§8: a local choice carries its options with the publisher's option values")
  void choice_body_lists_its_options() {
    ObjectNode body = MetadataBodies.column(job.column("spot_operation").orElseThrow());

    assertThat(body.path("@odata.type").asText()).isEqualTo("Microsoft.Dynamics.CRM.PicklistAttributeMetadata");
    assertThat(body.path("RequiredLevel").path("Value").asText()).isEqualTo("ApplicationRequired");
    assertThat(body.path("OptionSet").path("IsGlobal").asBoolean()).isFalse();
    assertThat(body.path("OptionSet").path("Options").findValuesAsText("Value")).hasSize(12).contains("100000001");
  }

  @Test
  void date_columns_are_user_local() {
    ObjectNode body = MetadataBodies.column(job.column("spot_startedon").orElseThrow());
    assertThat(body.path("DateTimeBehavior").path("Value").asText()).isEqualTo("UserLocal");
  }

  @Test
  @DisplayName("§8: customer lookups are made by CreateCustomerRelationships with one relationship per target")
  void customer_lookup_has_two_relationships() {
    Column.Lookup customer = (Column.Lookup) job.column("spot_customer").orElseThrow();
    ObjectNode body = MetadataBodies.customerRelationships(job, customer, "SpotlerConnector");

    assertThat(body.path("Lookup").path("SchemaName").asText()).isEqualTo("spot_Customer");
    assertThat(body.path("OneToManyRelationships").findValuesAsText("ReferencedEntity"))
        .containsExactly("account", "contact");
    assertThat(body.path("OneToManyRelationships").findValuesAsText("ReferencingEntityNavigationPropertyName"))
        .containsExactly("spot_customer_account", "spot_customer_contact");
    assertThat(body.path("SolutionUniqueName").asText()).isEqualTo("SpotlerConnector");
  }

  @Test
  void insert_status_value_names_the_state() {
    ObjectNode body = MetadataBodies.insertStatusValue(
        job, new StatusReason(100_000_003, "Cancelled", 1, false), "SpotlerConnector");

    assertThat(body.path("EntityLogicalName").asText()).isEqualTo("spot_spotlerjob");
    assertThat(body.path("Value").asInt()).isEqualTo(100_000_003);
    assertThat(body.path("StateCode").asInt()).isEqualTo(1);
  }

  @Test
  void key_lists_its_columns() {
    ObjectNode body = MetadataBodies.key(new AlternateKey("spot_TriggerCode_Key", "Trigger Code",
        List.of("spot_triggercode")));
    assertThat(body.path("KeyAttributes").get(0).asText()).isEqualTo("spot_triggercode");
  }
}
