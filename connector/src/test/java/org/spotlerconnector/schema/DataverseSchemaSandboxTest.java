package org.spotlerconnector.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.config.DefaultMapping;
import org.spotlerconnector.mapping.ColumnType;
import org.spotlerconnector.mapping.LookupTarget;
import org.spotlerconnector.mapping.TableSchema.Navigation;

/** The Dataverse schema reader and the start-up check against the sandbox, over real HTTP. */
class DataverseSchemaSandboxTest {
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
  @DisplayName("dataverse-api.md §8: EntityDefinitions(LogicalName='contact') with attributes and relationships")
  void reads_the_contact_table_in_one_request() {
    TableMetadata contact = schemas.dataverse.read("contact");

    assertThat(contact.entitySetName()).isEqualTo("contacts");
    assertThat(contact.primaryIdAttribute()).isEqualTo("contactid");
    assertThat(contact.schema().columnType("firstname")).contains(ColumnType.TEXT);
    assertThat(contact.schema().columnType("gendercode")).contains(ColumnType.CHOICE);
    assertThat(contact.schema().columnType("birthdate")).contains(ColumnType.DATE_TIME);
    assertThat(contact.schema().lookupTargets("parentcustomerid"))
        .contains(
            new LookupTarget("parentcustomerid_account", "account"),
            new LookupTarget("parentcustomerid_contact", "contact"));
    assertThat(contact.schema().navigation("parentcustomerid_account"))
        .contains(new Navigation("parentcustomerid", "account"));
    assertThat(schemas.metadataRequests()).isEqualTo(1);
  }

  @Test
  void reads_lead_and_account_too() {
    assertThat(schemas.dataverse.read("lead").schema().columnType("companyname")).contains(ColumnType.TEXT);
    assertThat(schemas.dataverse.read("account").schema().columnType("name")).contains(ColumnType.TEXT);
  }

  @Test
  @DisplayName("dataverse-api.md §2.1: 404 for a table the environment does not have")
  void says_which_table_is_missing() {
    assertThatThrownBy(() -> schemas.dataverse.read("new_missing"))
        .isInstanceOf(MissingTableException.class)
        .hasMessageContaining("'new_missing' does not exist");
  }

  @Test
  @DisplayName("the demo's configuration: the default mapping fits the sandbox, reading each table once")
  void the_default_mapping_fits_the_sandbox() {
    new MappingCheck(schemas.dataverse, schemas.spotler, ZoneId.of("Europe/Amsterdam")).check(DefaultMapping.rows());

    assertThat(schemas.metadataRequests()).isEqualTo(3);
  }
}
