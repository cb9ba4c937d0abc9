package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.ColumnDefinition;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The local choice of a column, reached through {@code OptionSet}: {@code OptionSetMetadata} with its
 * {@code Options}, or for a yes/no column {@code BooleanOptionSetMetadata} with {@code TrueOption} and
 * {@code FalseOption} (retrieve-metadata-name-metadataid.md, query-metadata-web-api.md). The options of a
 * {@code statecode} carry their default status, those of a {@code statuscode} the state they belong to.
 */
final class OptionSetItem implements MetadataItem {
  private static final int TRUE_VALUE = 1;
  private static final int FALSE_VALUE = 0;

  private final TableDefinition table;
  private final ColumnDefinition column;
  private final AttributeKind kind;

  OptionSetItem(TableDefinition table, ColumnDefinition column, AttributeKind kind) {
    this.table = table;
    this.column = column;
    this.kind = kind;
  }

  @Override
  public MetadataType type() {
    return kind == AttributeKind.BOOLEAN ? MetadataType.BOOLEAN_OPTION_SET : MetadataType.OPTION_SET;
  }

  @Override
  public UUID metadataId() {
    return MetadataIds.optionSet(name());
  }

  @Override
  public ObjectNode properties() {
    StandardNames.Column standard = StandardNames.column(table.logicalName(), column.logicalName()).orElse(null);
    boolean managed = standard != null;
    ObjectNode p = Json.object();
    p.put("Name", name());
    p.put("OptionSetType", optionSetType());
    p.put("IsGlobal", false);
    p.put("IsCustomOptionSet", !managed);
    p.put("IsManaged", managed);
    p.set(
        "DisplayName",
        Labels.of(name() + ".DisplayName", managed ? standard.displayName() : column.logicalName(), managed));
    p.set("Description", Labels.empty());
    if (kind == AttributeKind.BOOLEAN) {
      p.set("TrueOption", option(TRUE_VALUE, column.options().get(TRUE_VALUE), managed));
      p.set("FalseOption", option(FALSE_VALUE, column.options().get(FALSE_VALUE), managed));
    } else {
      ArrayNode options = p.putArray("Options");
      for (Map.Entry<Integer, String> option : column.options().entrySet()) {
        options.add(option(option.getKey(), option.getValue(), managed));
      }
    }
    p.put(MetadataType.METADATA_ID, metadataId().toString());
    return PropertyOrder.of(type(), p);
  }

  @Override
  public List<MetadataItem> related(String navigation) {
    return List.of();
  }

  /** Local choices are named {@code <table>_<column>}, e.g. {@code contact_gendercode}. */
  private String name() {
    return table.logicalName() + "_" + column.logicalName();
  }

  private String optionSetType() {
    return switch (kind) {
      case STATE -> "State";
      case STATUS -> "Status";
      case BOOLEAN -> "Boolean";
      default -> "Picklist";
    };
  }

  private ObjectNode option(int value, String label, boolean managed) {
    ObjectNode option = Json.object();
    if (kind == AttributeKind.STATE) {
      option.put("@odata.type", "#Microsoft.Dynamics.CRM.StateOptionMetadata");
    } else if (kind == AttributeKind.STATUS) {
      option.put("@odata.type", "#Microsoft.Dynamics.CRM.StatusOptionMetadata");
    }
    option.put("Value", value);
    option.set("Label", Labels.of(name() + ".option." + value, label, managed));
    option.set("Description", Labels.empty());
    option.putNull("Color");
    option.put("IsManaged", managed);
    option.putNull("MetadataId");
    option.putNull("HasChanged");
    if (kind == AttributeKind.STATE) {
      option.put("DefaultStatus", table.defaultStatusOf(value).orElse(null));
      option.put("InvariantName", label);
    } else if (kind == AttributeKind.STATUS) {
      option.put("State", table.stateOf(value).orElse(null));
      option.putNull("TransitionData");
    }
    return option;
  }
}
