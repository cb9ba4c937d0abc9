package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.ColumnDefinition;
import org.spotlerconnector.sandbox.dataverse.LookupTarget;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The write side of the metadata Web API (create-update-entity-definitions-using-web-api.md,
 * create-update-entity-relationships-using-web-api.md, dataverse-api.md §8): creates tables with their columns, adds
 * columns, one-to-many and customer relationships (which add lookups) and alternate keys, updates tables and columns
 * with {@code PUT}, and adds and relabels status reasons and choice options. A created table is an ordinary table of
 * the environment at once: its rows can be written, queried and tracked, and its definitions read.
 *
 * <p>A custom table gets a primary key {@code <logicalname>id}, the primary name column it was given, the state
 * model Active (0) / Inactive (1) with the status reasons Active (1) and Inactive (2), and the columns the server
 * maintains; a user-owned one also gets {@code ownerid}. Schema names start with a customization prefix, which must be
 * the publisher's when the request names a solution ({@code MSCRM.SolutionUniqueName}); choices without values are
 * numbered from the publisher's option value prefix (the default publisher's, 10000, without a solution). Every
 * operation checks and changes the environment as one step.
 */
final class Customizer {
  private static final String ENTITY_METADATA = "EntityMetadata";
  private static final String ONE_TO_MANY = "OneToManyRelationshipMetadata";
  private static final Set<String> OWNERSHIP_TYPES = Set.of("UserOwned", "OrganizationOwned");
  private static final Set<String> CUSTOMER_TARGETS = Set.of("account", "contact");
  private static final int DEFAULT_OPTION_VALUE_PREFIX = 10_000;
  private static final String STATE = "statecode";
  private static final String STATUS = "statuscode";

  private final TableCatalog catalog;
  private final Customizations customizations;

  /** The ids of what {@code CreateCustomerRelationships} made. */
  record CustomerLookup(List<UUID> relationshipIds, UUID attributeId) {}

  /** The solution a request names, if any, and its publisher's prefixes. */
  private record Publisher(String requiredPrefix, int optionValuePrefix) {}

  Customizer(TableCatalog catalog, Customizations customizations) {
    this.catalog = catalog;
    this.customizations = customizations;
  }

  /** {@code POST EntityDefinitions}: returns the new table's MetadataId. */
  UUID createEntity(JsonNode body, String solution) {
    return catalog.exclusively(
        () -> {
          Publisher publisher = publisher(solution);
          ObjectNode definition = object(body, "A table definition");
          requireType(definition, ENTITY_METADATA);
          String schemaName = definition.path("SchemaName").asText(null);
          SchemaNames.requireValid(schemaName, publisher.requiredPrefix());
          String logicalName = SchemaNames.logicalName(schemaName);
          MetadataModel model = model();
          if (model.table(logicalName).isPresent()) {
            throw MetadataErrors.duplicateName(schemaName, "Entity");
          }
          String displayName = requiredLabel(definition, "DisplayName", schemaName);
          String collectionName = requiredLabel(definition, "DisplayCollectionName", schemaName);
          String ownership = definition.path("OwnershipType").asText(null);
          if (ownership == null || !OWNERSHIP_TYPES.contains(ownership)) {
            throw MetadataErrors.invalidDefinition(
                "The table " + schemaName + " needs an OwnershipType of UserOwned or OrganizationOwned.");
          }
          if (definition.path("IsActivity").asBoolean(false)) {
            throw MetadataErrors.invalidDefinition("Activity tables are not supported by this emulated environment.");
          }
          String entitySet = definition.path("EntitySetName").asText(SchemaNames.plural(logicalName));
          SchemaNames.requireIdentifier(entitySet, "EntitySetName");
          if (catalog.tables().stream().anyMatch(t -> t.entitySetName().equalsIgnoreCase(entitySet))) {
            throw MetadataErrors.duplicateName(entitySet, "EntitySet");
          }
          List<AttributeReader.NewAttribute> attributes = new ArrayList<>();
          String primaryName = null;
          for (JsonNode attribute : definition.path("Attributes")) {
            AttributeReader.NewAttribute read =
                AttributeReader.read(attribute, publisher.requiredPrefix(), publisher.optionValuePrefix());
            if (attribute.path("IsPrimaryName").asBoolean(false)) {
              if (primaryName != null || !AttributeReader.type(attribute).equals("StringAttributeMetadata")) {
                throw MetadataErrors.invalidDefinition(
                    "A table has exactly one primary name attribute, a StringAttributeMetadata.");
              }
              primaryName = read.column().logicalName();
            }
            if (attributes.stream().anyMatch(a -> a.column().logicalName().equals(read.column().logicalName()))) {
              throw MetadataErrors.duplicateName(read.names().schemaName(), "Attribute");
            }
            attributes.add(read);
          }
          if (primaryName == null) {
            throw MetadataErrors.invalidDefinition(
                "The table " + schemaName + " needs a primary name attribute: a StringAttributeMetadata with"
                    + " IsPrimaryName true in Attributes.");
          }
          TableDefinition.Builder table =
              TableDefinition.builder(logicalName, entitySet)
                  .primaryName(primaryName)
                  .changeTracking(definition.path("ChangeTrackingEnabled").asBoolean(false));
          if (ownership.equals("UserOwned")) {
            table.userOwned();
          }
          attributes.forEach(a -> table.column(a.column()));
          table
              .column(ColumnDefinition.choice(STATE, options(0, "Active", 1, "Inactive")))
              .column(ColumnDefinition.choice(STATUS, options(1, "Active", 2, "Inactive")))
              .status(1, 0)
              .status(2, 1);
          // named first: defining the table makes its privileges, which carry its schema name
          customizations.table(
              logicalName,
              new Customizations.TableNames(
                  schemaName, displayName, collectionName, Labels.text(definition.get("Description")), ownership,
                  definition.path("HasNotes").asBoolean(false), definition.path("HasActivities").asBoolean(false)));
          catalog.define(table.build());
          customizations.column(
              logicalName, logicalName + "id",
              new Customizations.ColumnNames(schemaName + "Id", displayName, null, "SystemRequired", Json.object()));
          attributes.forEach(a -> customizations.column(logicalName, a.column().logicalName(), a.names()));
          return MetadataIds.entity(logicalName);
        });
  }

  /** {@code PUT EntityDefinitions(<key>)}: applies the labels and the change tracking setting of the definition. */
  void updateEntity(String entityKey, JsonNode body) {
    catalog.exclusively(
        () -> {
          TableDefinition table = table(entityKey);
          ObjectNode definition = object(body, "A table definition");
          requireType(definition, ENTITY_METADATA);
          requireSameName(definition, table.logicalName());
          if (definition.has("ChangeTrackingEnabled")) {
            boolean enable = definition.get("ChangeTrackingEnabled").asBoolean();
            if (table.changeTrackingEnabled() && !enable) {
              throw MetadataErrors.invalidDefinition(
                  "Change tracking cannot be disabled once it is enabled (dataverse-api.md §3).");
            }
            if (enable && !table.changeTrackingEnabled()) {
              catalog.define(table.toBuilder().changeTracking(true).build());
            }
          }
          customizations.table(table.logicalName()).ifPresent(
              names -> {
                String ownership = definition.path("OwnershipType").asText(names.ownershipType());
                if (!ownership.equals(names.ownershipType())) {
                  throw MetadataErrors.invalidDefinition("The OwnershipType of a table cannot be changed.");
                }
                customizations.table(
                    table.logicalName(),
                    new Customizations.TableNames(
                        names.schemaName(),
                        labelOr(definition, "DisplayName", names.displayName()),
                        labelOr(definition, "DisplayCollectionName", names.displayCollectionName()),
                        labelOr(definition, "Description", names.description()),
                        names.ownershipType(),
                        definition.path("HasNotes").asBoolean(names.hasNotes()),
                        definition.path("HasActivities").asBoolean(names.hasActivities())));
              });
          return null;
        });
  }

  /** {@code POST EntityDefinitions(<key>)/Attributes}: returns the new column's MetadataId. */
  UUID createAttribute(String entityKey, JsonNode body, String solution) {
    return catalog.exclusively(
        () -> {
          Publisher publisher = publisher(solution);
          TableDefinition table = table(entityKey);
          AttributeReader.NewAttribute read =
              AttributeReader.read(body, publisher.requiredPrefix(), publisher.optionValuePrefix());
          if (body.path("IsPrimaryName").asBoolean(false)) {
            throw MetadataErrors.invalidDefinition("The table " + table.logicalName() + " has its primary name.");
          }
          requireFreeColumnName(table, read.column().logicalName(), read.names().schemaName());
          catalog.define(table.toBuilder().column(read.column()).build());
          customizations.column(table.logicalName(), read.column().logicalName(), read.names());
          return MetadataIds.attribute(table.logicalName(), read.column().logicalName());
        });
  }

  /**
   * {@code PUT EntityDefinitions(<key>)/Attributes(<key>)} on a column created through this API: applies its labels,
   * required level and, for text, {@code MaxLength}.
   */
  void updateAttribute(String entityKey, String attributeKey, JsonNode body) {
    catalog.exclusively(
        () -> {
          TableDefinition table = table(entityKey);
          ObjectNode definition = object(body, "An attribute definition");
          String logicalName = attribute(entityKey, attributeKey);
          requireSameName(definition, logicalName);
          Customizations.ColumnNames names =
              customizations.column(table.logicalName(), logicalName)
                  .orElseThrow(() -> MetadataErrors.invalidDefinition(
                      "Only columns created through the metadata API can be updated in this emulated environment."));
          ColumnDefinition column = table.columnNamed(logicalName).orElseThrow();
          if (definition.has("MaxLength") && column.maxLength() != null) {
            int maxLength = definition.get("MaxLength").asInt();
            ColumnDefinition resized =
                switch (column.kind()) {
                  case STRING -> ColumnDefinition.string(logicalName, maxLength);
                  case MEMO -> ColumnDefinition.memo(logicalName, maxLength);
                  default -> column;
                };
            catalog.define(table.toBuilder().column(resized).build());
          }
          customizations.column(
              table.logicalName(),
              logicalName,
              new Customizations.ColumnNames(
                  names.schemaName(),
                  labelOr(definition, "DisplayName", names.displayName()),
                  labelOr(definition, "Description", names.description()),
                  definition.path("RequiredLevel").path("Value").asText(names.requiredLevel()),
                  names.typeProperties()));
          return null;
        });
  }

  /** {@code POST RelationshipDefinitions} with a one-to-many relationship: returns its MetadataId. */
  UUID createRelationship(JsonNode body, String solution) {
    return catalog.exclusively(
        () -> {
          Publisher publisher = publisher(solution);
          ObjectNode definition = object(body, "A relationship definition");
          String type = AttributeReader.type(definition);
          if (!type.equals(ONE_TO_MANY)) {
            throw MetadataErrors.invalidDefinition(
                "Only one-to-many relationships (@odata.type Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata)"
                    + " are supported by this emulated environment.");
          }
          String schemaName = definition.path("SchemaName").asText(null);
          SchemaNames.requireValid(schemaName, publisher.requiredPrefix());
          requireFreeRelationshipName(schemaName);
          TableDefinition referenced = referencedTable(definition, definition.path("ReferencedEntity").asText(null));
          TableDefinition referencing = existingTable(definition.path("ReferencingEntity").asText(null));
          ObjectNode lookup = object(definition.get("Lookup"), "The Lookup of a relationship");
          Customizations.ColumnNames names = lookupNames(lookup, publisher);
          String logicalName = SchemaNames.logicalName(names.schemaName());
          requireFreeColumnName(referencing, logicalName, names.schemaName());
          String navigation = definition.path("ReferencingEntityNavigationPropertyName").asText(names.schemaName());
          SchemaNames.requireIdentifier(navigation, "ReferencingEntityNavigationPropertyName");
          requireFreeNavigation(referencing, navigation);
          ColumnDefinition column =
              ColumnDefinition.lookup(logicalName, LookupTarget.of(navigation, referenced.logicalName(), schemaName));
          catalog.define(referencing.toBuilder().column(column).build());
          customizations.column(referencing.logicalName(), logicalName, names);
          return MetadataIds.relationship(schemaName);
        });
  }

  /**
   * The {@code CreateCustomerRelationships} action: a customer lookup (account or contact) made by two one-to-many
   * relationships. A relationship without a {@code ReferencingEntityNavigationPropertyName} gets
   * {@code <lookup schema name>_<account|contact>}, after the pattern of {@code parentcustomerid_account} (the
   * emulator's assumption for custom customer lookups).
   */
  CustomerLookup createCustomerRelationships(JsonNode body, String solution) {
    return catalog.exclusively(
        () -> {
          Publisher publisher = publisher(solution);
          ObjectNode request = object(body, "The CreateCustomerRelationships parameters");
          ObjectNode lookup = object(request.get("Lookup"), "The Lookup parameter");
          Customizations.ColumnNames names = lookupNames(lookup, publisher);
          JsonNode relationships = request.path("OneToManyRelationships");
          Set<String> referencedTables = new HashSet<>();
          String referencingName = null;
          List<LookupTarget> targets = new ArrayList<>();
          List<UUID> relationshipIds = new ArrayList<>();
          Set<String> schemaNames = new HashSet<>();
          for (JsonNode relationship : relationships) {
            String schemaName = relationship.path("SchemaName").asText(null);
            SchemaNames.requireValid(schemaName, publisher.requiredPrefix());
            requireFreeRelationshipName(schemaName);
            if (!schemaNames.add(SchemaNames.logicalName(schemaName))) {
              throw MetadataErrors.duplicateName(schemaName, "EntityRelationship");
            }
            String referenced = referencedTable(relationship, relationship.path("ReferencedEntity").asText(null))
                .logicalName();
            String referencing = relationship.path("ReferencingEntity").asText(null);
            if (referencingName != null && !referencingName.equals(referencing)) {
              throw MetadataErrors.invalidDefinition("Both relationships must have the same ReferencingEntity.");
            }
            referencingName = referencing;
            referencedTables.add(referenced);
            targets.add(LookupTarget.of(
                relationship.path("ReferencingEntityNavigationPropertyName")
                    .asText(names.schemaName() + "_" + referenced),
                referenced,
                schemaName));
            relationshipIds.add(MetadataIds.relationship(schemaName));
          }
          if (relationships.size() != 2 || !referencedTables.equals(CUSTOMER_TARGETS)) {
            throw MetadataErrors.invalidDefinition(
                "A customer lookup needs two OneToManyRelationships, one to account and one to contact.");
          }
          TableDefinition referencing = existingTable(referencingName);
          String logicalName = SchemaNames.logicalName(names.schemaName());
          requireFreeColumnName(referencing, logicalName, names.schemaName());
          for (LookupTarget target : targets) {
            SchemaNames.requireIdentifier(target.navigationProperty(), "ReferencingEntityNavigationPropertyName");
            requireFreeNavigation(referencing, target.navigationProperty());
          }
          ColumnDefinition column = ColumnDefinition.lookup(logicalName, targets.toArray(LookupTarget[]::new));
          catalog.define(referencing.toBuilder().column(column).build());
          customizations.column(referencing.logicalName(), logicalName, names);
          return new CustomerLookup(relationshipIds, MetadataIds.attribute(referencing.logicalName(), logicalName));
        });
  }

  /**
   * {@code POST EntityDefinitions(<key>)/Keys}: returns the key's MetadataId. When existing rows already have
   * duplicate values the key's index fails ({@code EntityKeyIndexStatus} Failed) and the key is not enforced, as with
   * Dataverse's asynchronous index job.
   */
  UUID createKey(String entityKey, JsonNode body, String solution) {
    return catalog.exclusively(
        () -> {
          Publisher publisher = publisher(solution);
          TableDefinition table = table(entityKey);
          ObjectNode definition = object(body, "A key definition");
          String schemaName = definition.path("SchemaName").asText(null);
          SchemaNames.requireValid(schemaName, publisher.requiredPrefix());
          List<String> columns = new ArrayList<>();
          for (JsonNode column : definition.path("KeyAttributes")) {
            String name = column.asText();
            if (table.columnNamed(name).isEmpty() || columns.contains(name)) {
              throw MetadataErrors.invalidDefinition(
                  "The key attribute '" + name + "' is not a column of " + table.logicalName() + " or is repeated.");
            }
            columns.add(name);
          }
          if (columns.isEmpty()) {
            throw MetadataErrors.invalidDefinition("A key needs at least one column in KeyAttributes.");
          }
          String logicalName = SchemaNames.logicalName(schemaName);
          boolean nameTaken =
              model().keys(table).stream()
                  .anyMatch(key -> key.properties().path("LogicalName").asText().equals(logicalName));
          if (nameTaken) {
            throw MetadataErrors.duplicateName(schemaName, "EntityKey");
          }
          if (table.alternateKeys().contains(columns)
              || customizations.key(table.logicalName(), columns).isPresent()) {
            throw MetadataErrors.invalidDefinition(
                "The table " + table.logicalName() + " already has a key on " + String.join(", ", columns) + ".");
          }
          boolean buildable = !catalog.hasDuplicates(table.logicalName(), columns);
          if (buildable) {
            catalog.define(table.toBuilder().alternateKey(columns.toArray(String[]::new)).build());
          }
          customizations.key(
              table.logicalName(),
              new Customizations.KeyNames(
                  schemaName, Labels.text(definition.get("DisplayName")), columns, buildable ? "Active" : "Failed"));
          return MetadataIds.key(table.logicalName(), logicalName);
        });
  }

  /** The {@code InsertStatusValue} action: adds a status reason to a state and returns its value. */
  int insertStatusValue(JsonNode body, String solution) {
    return catalog.exclusively(
        () -> {
          ObjectNode request = object(body, "The InsertStatusValue parameters");
          TableDefinition table = existingTable(request.path("EntityLogicalName").asText(null));
          String attribute = request.path("AttributeLogicalName").asText(STATUS);
          ColumnDefinition status =
              table.columnNamed(attribute).filter(c -> attribute.equals(STATUS))
                  .orElseThrow(() -> MetadataErrors.attributeNotFound(table.logicalName(), attribute));
          if (!request.hasNonNull("StateCode")) {
            throw MetadataErrors.invalidDefinition("InsertStatusValue needs a StateCode.");
          }
          int state = request.get("StateCode").asInt();
          boolean knownState =
              table.columnNamed(STATE).map(c -> c.options().containsKey(state)).orElse(false);
          if (!knownState) {
            throw MetadataErrors.invalidDefinition(
                "The state " + state + " is not a state of " + table.logicalName() + ".");
          }
          int value = newOption(request, status, solution);
          catalog.define(table.toBuilder().column(withOption(status, value, request)).status(value, state).build());
          return value;
        });
  }

  /** The {@code InsertOptionValue} action on a table's local choice: adds an option and returns its value. */
  int insertOptionValue(JsonNode body, String solution) {
    return catalog.exclusively(
        () -> {
          ObjectNode request = object(body, "The InsertOptionValue parameters");
          if (request.hasNonNull("OptionSetName")) {
            throw MetadataErrors.invalidDefinition("Global choices are not supported by this emulated environment.");
          }
          TableDefinition table = existingTable(request.path("EntityLogicalName").asText(null));
          String attribute = request.path("AttributeLogicalName").asText(null);
          ColumnDefinition column =
              table.columnNamed(attribute == null ? "" : attribute)
                  .filter(c -> AttributeReader.hasLocalOptions(c.kind()) && !c.logicalName().equals(STATE)
                      && !c.logicalName().equals(STATUS))
                  .orElseThrow(() -> MetadataErrors.attributeNotFound(table.logicalName(), attribute));
          int value = newOption(request, column, solution);
          catalog.define(table.toBuilder().column(withOption(column, value, request)).build());
          return value;
        });
  }

  /**
   * The {@code UpdateOptionValue} action (Web API reference: EntityLogicalName, AttributeLogicalName, Value, Label,
   * Description, MergeLabels, SolutionUniqueName) on a table's local choice or status reason: gives the option its new
   * label. The environment has one language, so MergeLabels has nothing to keep, and options are read with an empty
   * Description, so none is kept. State options are changed by UpdateStateValue (not emulated) and yes/no options with
   * their column's definition, so this refuses them. The error texts are the emulator's own.
   */
  void updateOptionValue(JsonNode body, String solution) {
    catalog.exclusively(
        () -> {
          ObjectNode request = object(body, "The UpdateOptionValue parameters");
          if (request.hasNonNull("OptionSetName")) {
            throw MetadataErrors.invalidDefinition("Global choices are not supported by this emulated environment.");
          }
          publisher(request.path("SolutionUniqueName").asText(solution));
          TableDefinition table = existingTable(request.path("EntityLogicalName").asText(null));
          String attribute = request.path("AttributeLogicalName").asText(null);
          ColumnDefinition column =
              table.columnNamed(attribute == null ? "" : attribute)
                  .orElseThrow(() -> MetadataErrors.attributeNotFound(table.logicalName(), attribute));
          if (column.logicalName().equals(STATE) || !AttributeReader.hasLocalOptions(column.kind())) {
            throw MetadataErrors.invalidDefinition(
                "UpdateOptionValue changes options of choices and status reasons; " + column.logicalName() + " of "
                    + table.logicalName() + " is neither (state options are changed with UpdateStateValue).");
          }
          JsonNode value = request.path("Value");
          if (!value.isInt() || !column.options().containsKey(value.asInt())) {
            throw MetadataErrors.invalidDefinition(
                column.logicalName() + " of " + table.logicalName() + " has no option with the value "
                    + value.asText() + ".");
          }
          catalog.define(table.toBuilder().column(withOption(column, value.asInt(), request)).build());
          return null;
        });
  }

  /** The value of a new option: the one given, which must be free, or the next of the publisher's prefix. */
  private int newOption(ObjectNode request, ColumnDefinition column, String solution) {
    String solutionName = request.path("SolutionUniqueName").asText(solution);
    int base = publisher(solutionName).optionValuePrefix() * 10_000;
    if (request.hasNonNull("Value")) {
      int value = request.get("Value").asInt();
      if (column.options().containsKey(value)) {
        throw MetadataErrors.invalidDefinition(
            "The value " + value + " is already an option of " + column.logicalName() + ".");
      }
      return value;
    }
    return column.options().keySet().stream().filter(v -> v >= base && v < base + 10_000)
        .max(Integer::compare).map(v -> v + 1).orElse(base);
  }

  private static ColumnDefinition withOption(ColumnDefinition column, int value, ObjectNode request) {
    String label = Labels.text(request.get("Label"));
    if (label == null) {
      throw MetadataErrors.invalidDefinition("An option needs a Label.");
    }
    Map<Integer, String> options = new LinkedHashMap<>(column.options());
    options.put(value, label);
    return new ColumnDefinition(
        column.logicalName(), column.kind(), column.maxLength(), options, column.targets(), column.writable(),
        column.updatable(), column.computed());
  }

  private Customizations.ColumnNames lookupNames(ObjectNode lookup, Publisher publisher) {
    String schemaName = lookup.path("SchemaName").asText(null);
    SchemaNames.requireValid(schemaName, publisher.requiredPrefix());
    String displayName = requiredLabel(lookup, "DisplayName", schemaName);
    return new Customizations.ColumnNames(
        schemaName, displayName, Labels.text(lookup.get("Description")),
        lookup.path("RequiredLevel").path("Value").asText("None"), Json.object());
  }

  private void requireFreeColumnName(TableDefinition table, String logicalName, String schemaName) {
    if (table.columnNamed(logicalName).isPresent() || table.columnForProperty(logicalName).isPresent()) {
      throw MetadataErrors.duplicateName(schemaName, "Attribute");
    }
  }

  private void requireFreeRelationshipName(String schemaName) {
    boolean taken =
        model().relationships().stream()
            .anyMatch(r -> r.properties().path("SchemaName").asText().equalsIgnoreCase(schemaName));
    if (taken) {
      throw MetadataErrors.duplicateName(schemaName, "EntityRelationship");
    }
  }

  private static void requireFreeNavigation(TableDefinition table, String navigation) {
    if (table.lookupForNavigation(navigation).isPresent() || table.columnForProperty(navigation).isPresent()) {
      throw MetadataErrors.duplicateName(navigation, "NavigationProperty");
    }
  }

  private TableDefinition referencedTable(JsonNode relationship, String logicalName) {
    TableDefinition table = existingTable(logicalName);
    String attribute = relationship.path("ReferencedAttribute").asText(table.primaryIdColumn());
    if (!attribute.equals(table.primaryIdColumn())) {
      throw MetadataErrors.invalidDefinition(
          "The ReferencedAttribute of a relationship to " + logicalName + " must be " + table.primaryIdColumn() + ".");
    }
    return table;
  }

  private TableDefinition existingTable(String logicalName) {
    if (logicalName == null) {
      throw MetadataErrors.invalidDefinition("The table's logical name is missing.");
    }
    return model().table(logicalName).orElseThrow(() -> MetadataErrors.entityNotInMetadataCache(logicalName));
  }

  /** The table a definition key such as {@code LogicalName='x'} or a MetadataId names. */
  private TableDefinition table(String entityKey) {
    DefinitionResource resource = DefinitionPath.resolve(model(), entityKey, List.of());
    return ((EntityItem) ((DefinitionResource.One) resource).item()).table();
  }

  /** The logical name of the column an attribute key (LogicalName or MetadataId) names. */
  private String attribute(String entityKey, String attributeKey) {
    DefinitionResource resource =
        DefinitionPath.resolve(model(), entityKey, List.of("Attributes(" + attributeKey + ")"));
    return ((DefinitionResource.One) resource).item().properties().path("LogicalName").asText();
  }

  private Publisher publisher(String solution) {
    if (solution == null || solution.isBlank()) {
      return new Publisher(null, DEFAULT_OPTION_VALUE_PREFIX);
    }
    TableCatalog.Publisher publisher =
        catalog.publisherOfSolution(solution).orElseThrow(() -> MetadataErrors.solutionNotFound(solution));
    return new Publisher(publisher.customizationPrefix(), publisher.optionValuePrefix());
  }

  private MetadataModel model() {
    return new MetadataModel(catalog.tables(), customizations);
  }

  private static ObjectNode object(JsonNode body, String what) {
    if (!(body instanceof ObjectNode object)) {
      throw MetadataErrors.invalidDefinition(what + " must be a JSON object.");
    }
    return object;
  }

  /** An {@code @odata.type}, when given, must name the expected definition type. */
  private static void requireType(ObjectNode definition, String type) {
    if (definition.has("@odata.type") && !AttributeReader.type(definition).equals(type)) {
      throw MetadataErrors.invalidDefinition(
          "The @odata.type must be Microsoft.Dynamics.CRM." + type + ", not "
              + definition.get("@odata.type").asText() + ".");
    }
  }

  /**
   * A PUT replaces a whole definition (create-update-entity-definitions-using-web-api.md, "Update table definitions"),
   * so the body must at least name the definition it replaces.
   */
  private static void requireSameName(ObjectNode definition, String logicalName) {
    String schemaName = definition.path("SchemaName").asText(null);
    if (schemaName == null || !SchemaNames.logicalName(schemaName).equals(logicalName)) {
      throw MetadataErrors.invalidDefinition(
          "A PUT replaces the whole definition: send all of its properties, with the SchemaName of '" + logicalName
              + "'.");
    }
  }

  private static String requiredLabel(ObjectNode definition, String property, String schemaName) {
    String text = Labels.text(definition.get(property));
    if (text == null || text.isBlank()) {
      throw MetadataErrors.invalidDefinition(schemaName + " needs a " + property + " label.");
    }
    return text;
  }

  private static String labelOr(ObjectNode definition, String property, String current) {
    String text = Labels.text(definition.get(property));
    return text == null ? current : text;
  }

  private static Map<Integer, String> options(Object... valueLabelPairs) {
    Map<Integer, String> options = new LinkedHashMap<>();
    for (int i = 0; i < valueLabelPairs.length; i += 2) {
      options.put((Integer) valueLabelPairs[i], (String) valueLabelPairs[i + 1]);
    }
    return options;
  }
}
