package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.ColumnDefinition;
import org.spotlerconnector.sandbox.dataverse.LookupTarget;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.dataverse.query.ColumnKind;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The definition of a column: {@code AttributeMetadata} or, as the instance type, one of its derived types. A lookup
 * appears under its logical name ({@code parentcustomerid}), not under its Web API property {@code _x_value}. A
 * polymorphic lookup (Customer, Owner) is followed by its {@code <name>type} attribute of type EntityName, whose
 * {@code AttributeOf} names the lookup, as in a real environment.
 */
final class AttributeItem implements MetadataItem {
  private static final String SYSTEM_REQUIRED = "SystemRequired";
  private static final String TYPE_SUFFIX = "type";

  private final TableDefinition table;
  private final ColumnDefinition column;
  private final String logicalName;
  private final AttributeKind kind;
  private final String attributeOf;
  private final Customizations.ColumnNames created;

  private AttributeItem(
      TableDefinition table,
      ColumnDefinition column,
      String logicalName,
      AttributeKind kind,
      String attributeOf,
      Customizations.ColumnNames created) {
    this.table = table;
    this.column = column;
    this.logicalName = logicalName;
    this.kind = kind;
    this.attributeOf = attributeOf;
    this.created = created;
  }

  /**
   * The column's attribute, followed by its {@code <name>type} companion for a polymorphic lookup; a column created
   * through the metadata API has the names and type properties it was created with.
   */
  static List<MetadataItem> of(TableDefinition table, ColumnDefinition column, Customizations customizations) {
    AttributeKind kind = AttributeKind.of(column);
    Customizations.ColumnNames created =
        customizations.column(table.logicalName(), column.logicalName()).orElse(null);
    AttributeItem attribute = new AttributeItem(table, column, column.logicalName(), kind, null, created);
    if (!kind.isPolymorphic()) {
      return List.of(attribute);
    }
    AttributeItem companion =
        new AttributeItem(
            table, column, column.logicalName() + TYPE_SUFFIX, AttributeKind.ENTITY_NAME, column.logicalName(), null);
    return List.of(attribute, companion);
  }

  @Override
  public MetadataType type() {
    return kind.metadataType();
  }

  @Override
  public UUID metadataId() {
    return MetadataIds.attribute(table.logicalName(), logicalName);
  }

  @Override
  public ObjectNode properties() {
    StandardNames.Column standard = StandardNames.column(table.logicalName(), logicalName).orElse(null);
    boolean custom = standard == null;
    boolean primaryId = logicalName.equals(table.primaryIdColumn());
    ObjectNode p = Json.object();
    p.put("LogicalName", logicalName);
    p.put("SchemaName", created != null ? created.schemaName() : custom ? logicalName : standard.schemaName());
    p.put("EntityLogicalName", table.logicalName());
    p.put("AttributeType", kind.attributeType());
    p.putObject("AttributeTypeName").put("Value", kind.typeName());
    p.put("AttributeOf", attributeOf);
    p.set("DisplayName", Labels.of(owner() + ".DisplayName",
        created != null ? created.displayName() : custom ? logicalName : standard.displayName(), !custom));
    p.set("Description", created == null ? Labels.empty()
        : Labels.of(owner() + ".Description", created.description(), false));
    p.put("IsPrimaryId", primaryId);
    p.put("IsPrimaryName", logicalName.equals(table.primaryNameColumn()));
    p.put("IsCustomAttribute", custom);
    // The primary key may be given on create (dataverse-api.md §2.6) but never changed; the columns the server
    // maintains are valid for neither.
    p.put("IsValidForCreate", primaryId || column.writable());
    p.put("IsValidForUpdate", !primaryId && column.updatable());
    p.put("IsValidForRead", table.isReadable(column.logicalName()));
    p.put("IsManaged", !custom);
    p.set("RequiredLevel", requiredLevel(primaryId));
    writeTypeProperties(p);
    if (created != null) {
      created.typeProperties().properties().forEach(
          property -> {
            if (type().properties().contains(property.getKey())) {
              p.set(property.getKey(), property.getValue());
            }
          });
    }
    p.put(MetadataType.METADATA_ID, metadataId().toString());
    return PropertyOrder.of(type(), p);
  }

  @Override
  public List<MetadataItem> related(String navigation) {
    if (navigation.equals("OptionSet") && hasOptionSet()) {
      return List.of(new OptionSetItem(table, column, kind));
    }
    return List.of();
  }

  private boolean hasOptionSet() {
    return type().navigation("OptionSet").isPresent();
  }

  private String owner() {
    return table.logicalName() + "." + logicalName;
  }

  private ObjectNode requiredLevel(boolean primaryId) {
    String level =
        primaryId
            ? SYSTEM_REQUIRED
            : created != null && created.requiredLevel() != null
                ? created.requiredLevel()
                : StandardNames.requiredLevel(table.logicalName(), logicalName);
    ObjectNode required = Json.object();
    required.put("Value", level);
    required.put("CanBeChanged", !level.equals(SYSTEM_REQUIRED));
    required.put("ManagedPropertyLogicalName", "canmodifyrequirementlevelsettings");
    return required;
  }

  /** The properties of the derived types, with the limits Dataverse documents for each column type. */
  private void writeTypeProperties(ObjectNode p) {
    switch (type()) {
      case STRING_ATTRIBUTE -> {
        String format = StandardNames.stringFormat(logicalName);
        p.put("MaxLength", column.maxLength());
        p.put("Format", format);
        p.putObject("FormatName").put("Value", format);
      }
      case MEMO_ATTRIBUTE -> {
        p.put("MaxLength", column.maxLength());
        p.put("Format", "TextArea");
      }
      case LOOKUP_ATTRIBUTE -> {
        ArrayNode targets = p.putArray("Targets");
        column.targets().stream().map(LookupTarget::table).distinct().forEach(targets::add);
      }
      case INTEGER_ATTRIBUTE -> {
        p.put("MinValue", Integer.MIN_VALUE);
        p.put("MaxValue", Integer.MAX_VALUE);
        p.put("Format", "None");
      }
      case BIGINT_ATTRIBUTE -> {
        p.put("MinValue", Long.MIN_VALUE);
        p.put("MaxValue", Long.MAX_VALUE);
      }
      case DECIMAL_ATTRIBUTE, DOUBLE_ATTRIBUTE -> {
        p.put("MinValue", -100_000_000_000L);
        p.put("MaxValue", 100_000_000_000L);
        p.put("Precision", 2);
      }
      case MONEY_ATTRIBUTE -> {
        p.put("MinValue", -922_337_203_685_477L);
        p.put("MaxValue", 922_337_203_685_477L);
        p.put("Precision", 2);
        p.put("PrecisionSource", 2);
      }
      case DATETIME_ATTRIBUTE -> {
        boolean dateOnly = column.kind() == ColumnKind.DATEONLY;
        p.put("Format", dateOnly ? "DateOnly" : "DateAndTime");
        p.putObject("DateTimeBehavior").put("Value", dateOnly ? "DateOnly" : "UserLocal");
      }
      case BOOLEAN_ATTRIBUTE ->
          p.put("DefaultValue", table.defaults().getOrDefault(column.logicalName(), BooleanNode.FALSE).asBoolean());
      case PICKLIST_ATTRIBUTE, STATE_ATTRIBUTE, STATUS_ATTRIBUTE, MULTI_SELECT_PICKLIST_ATTRIBUTE,
          ENTITY_NAME_ATTRIBUTE -> p.putNull("DefaultFormValue");
      default -> {
        // UniqueIdentifierAttributeMetadata adds no properties.
      }
    }
  }
}
