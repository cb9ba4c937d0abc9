package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.Set;
import java.util.stream.Collectors;
import org.spotlerconnector.sandbox.dataverse.ColumnDefinition;
import org.spotlerconnector.sandbox.dataverse.LookupTarget;

/**
 * The {@code AttributeType} (AttributeTypeCode), {@code AttributeTypeName} and definition type of a column, as the
 * metadata Web API reports them. A multi-select choice is a {@code Virtual} attribute with the type name
 * {@code MultiSelectPicklistType}; a lookup to account or contact is a {@code Customer}; {@code ownerid} is an
 * {@code Owner}.
 */
enum AttributeKind {
  STRING("String", "StringType", MetadataType.STRING_ATTRIBUTE),
  MEMO("Memo", "MemoType", MetadataType.MEMO_ATTRIBUTE),
  UNIQUE_IDENTIFIER("Uniqueidentifier", "UniqueidentifierType", MetadataType.UNIQUE_IDENTIFIER_ATTRIBUTE),
  LOOKUP("Lookup", "LookupType", MetadataType.LOOKUP_ATTRIBUTE),
  CUSTOMER("Customer", "CustomerType", MetadataType.LOOKUP_ATTRIBUTE),
  OWNER("Owner", "OwnerType", MetadataType.LOOKUP_ATTRIBUTE),
  PICKLIST("Picklist", "PicklistType", MetadataType.PICKLIST_ATTRIBUTE),
  STATE("State", "StateType", MetadataType.STATE_ATTRIBUTE),
  STATUS("Status", "StatusType", MetadataType.STATUS_ATTRIBUTE),
  BOOLEAN("Boolean", "BooleanType", MetadataType.BOOLEAN_ATTRIBUTE),
  DATE_TIME("DateTime", "DateTimeType", MetadataType.DATETIME_ATTRIBUTE),
  INTEGER("Integer", "IntegerType", MetadataType.INTEGER_ATTRIBUTE),
  BIG_INT("BigInt", "BigIntType", MetadataType.BIGINT_ATTRIBUTE),
  DECIMAL("Decimal", "DecimalType", MetadataType.DECIMAL_ATTRIBUTE),
  DOUBLE("Double", "DoubleType", MetadataType.DOUBLE_ATTRIBUTE),
  MONEY("Money", "MoneyType", MetadataType.MONEY_ATTRIBUTE),
  MULTI_SELECT_PICKLIST("Virtual", "MultiSelectPicklistType", MetadataType.MULTI_SELECT_PICKLIST_ATTRIBUTE),
  ENTITY_NAME("EntityName", "EntityNameType", MetadataType.ENTITY_NAME_ATTRIBUTE);

  private static final Set<String> CUSTOMER_TARGETS = Set.of("account", "contact");
  private static final String OWNER_COLUMN = "ownerid";

  private final String attributeType;
  private final String typeName;
  private final MetadataType metadataType;

  AttributeKind(String attributeType, String typeName, MetadataType metadataType) {
    this.attributeType = attributeType;
    this.typeName = typeName;
    this.metadataType = metadataType;
  }

  /** The AttributeTypeCode value, e.g. {@code Picklist}. */
  String attributeType() {
    return attributeType;
  }

  /** The {@code AttributeTypeName.Value}, e.g. {@code PicklistType}. */
  String typeName() {
    return typeName;
  }

  MetadataType metadataType() {
    return metadataType;
  }

  /** A polymorphic lookup, which has a companion {@code <name>type} attribute naming the table it points to. */
  boolean isPolymorphic() {
    return this == CUSTOMER || this == OWNER;
  }

  static AttributeKind of(ColumnDefinition column) {
    return switch (column.kind()) {
      case STRING -> STRING;
      case MEMO -> MEMO;
      case GUID -> UNIQUE_IDENTIFIER;
      case LOOKUP -> lookupKind(column);
      case INTEGER -> INTEGER;
      case BIGINT -> BIG_INT;
      case DECIMAL -> DECIMAL;
      case DOUBLE -> DOUBLE;
      case MONEY -> MONEY;
      case BOOLEAN -> BOOLEAN;
      case DATETIME, DATEONLY -> DATE_TIME;
      case CHOICE -> choiceKind(column);
      case MULTICHOICE -> MULTI_SELECT_PICKLIST;
    };
  }

  private static AttributeKind lookupKind(ColumnDefinition column) {
    if (column.logicalName().equals(OWNER_COLUMN)) {
      return OWNER;
    }
    Set<String> targets = column.targets().stream().map(LookupTarget::table).collect(Collectors.toSet());
    return targets.equals(CUSTOMER_TARGETS) ? CUSTOMER : LOOKUP;
  }

  private static AttributeKind choiceKind(ColumnDefinition column) {
    return switch (column.logicalName()) {
      case "statecode" -> STATE;
      case "statuscode" -> STATUS;
      default -> PICKLIST;
    };
  }
}
