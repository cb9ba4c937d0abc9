package org.spotlerconnector.sandbox.dataverse.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.dataverse.BuiltInTables;
import org.spotlerconnector.sandbox.dataverse.ColumnDefinition;
import org.spotlerconnector.sandbox.dataverse.LookupTarget;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;

class MetadataApiTest {
  private static final List<TableDefinition> TABLES =
      List.of(
          BuiltInTables.contact().toBuilder().alternateKey("emailaddress1").build(),
          BuiltInTables.lead(),
          BuiltInTables.account(),
          BuiltInTables.systemUser(),
          TableDefinition.builder("new_survey", "new_surveys")
              .column(ColumnDefinition.multiChoice("new_topics", Map.of(1, "A")))
              .column(ColumnDefinition.money("new_budget"))
              .column(ColumnDefinition.decimal("new_score"))
              .column(ColumnDefinition.floatingPoint("new_weight"))
              .column(ColumnDefinition.lookup("new_contact", LookupTarget.of("new_contact", "contact")))
              .build());

  @Test
  @DisplayName("every definition reachable from EntityDefinitions has exactly its type's properties and its own "
      + "MetadataId")
  void every_definition_has_its_types_properties() {
    MetadataModel model = new MetadataModel(TABLES);
    List<MetadataItem> all = new ArrayList<>();
    collect(model.entities(), all);

    Set<UUID> ids = new HashSet<>();
    for (MetadataItem item : all) {
      ObjectNode properties = item.properties();
      assertThat(properties.fieldNames()).toIterable().as(item.type().typeName())
          .containsExactlyElementsOf(item.type().properties());
      assertThat(properties.path("MetadataId").asText()).isEqualTo(item.metadataId().toString());
      if (item.type() != MetadataType.ONE_TO_MANY_RELATIONSHIP) {
        assertThat(ids.add(item.metadataId())).as("unique id of %s", properties).isTrue();
      }
    }
    // AttributeMetadata is only ever a declared type; many-to-many relationships are not modelled.
    assertThat(all).extracting(MetadataItem::type)
        .containsAll(EnumSet.complementOf(EnumSet.of(MetadataType.ATTRIBUTE, MetadataType.MANY_TO_MANY_RELATIONSHIP)));
  }

  @Test
  @DisplayName("the same tables give the same MetadataIds in another instance, as after a restart")
  void ids_do_not_depend_on_the_instance() {
    MetadataApi first = new MetadataApi(() -> TABLES, name -> 0);
    MetadataApi second = new MetadataApi(() -> TABLES, name -> 0);
    Map<String, List<String>> query = Map.of("$expand", List.of("Attributes($select=LogicalName)"));

    assertThat(first.entityDefinitions(null, List.of(), query, "http://a"))
        .isEqualTo(second.entityDefinitions(null, List.of(), query, "http://a"));
  }

  private static void collect(List<MetadataItem> items, List<MetadataItem> into) {
    for (MetadataItem item : items) {
      into.add(item);
      item.type().navigations().forEach(n -> collect(item.related(n.name()), into));
    }
  }
}
