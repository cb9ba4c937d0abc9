package org.spotlerconnector.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.NotFoundException;
import org.spotlerconnector.dataverse.ODataQuery;

/**
 * Creates the connector's tables, roles and environment variables (docs/dataverse-tables.md) through the metadata
 * Web API (dataverse-api.md §8). It reads what exists first and creates only what is missing, in dependency order:
 * publisher, solution, tables with their primary name, columns, lookups, status reasons (and the labels of the
 * built-in ones), alternate keys, environment variables, roles and their privileges. Running it again creates
 * nothing.
 *
 * <p>Nothing is deleted, and a table or column that exists with another definition is left as it is. What it does
 * change: a table without change tracking gets it, a built-in status reason whose label is not the declared one is
 * relabelled, and a role that lacks a declared privilege, or holds it at a shallower depth, gets it. A privilege the
 * environment does not have (a table of a Dynamics 365 app that is not installed, such as {@code list}) is skipped
 * with a warning, and so are a column on such a table (the marketing list's sync flag) and a lookup to it (the job's
 * marketing list).
 */
public final class Installer {
  private static final Logger LOG = LoggerFactory.getLogger(Installer.class);
  private static final String SOLUTION_HEADER = "MSCRM.SolutionUniqueName";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> METADATA_KINDS =
      Set.of("table", "change tracking", "column", "lookup", "status reason", "status label", "alternate key");
  /** The labels Dataverse gives the status reasons of a new table. */
  private static final Map<Integer, String> NEW_TABLE_STATUS_LABELS = Map.of(1, "Active", 2, "Inactive");

  private final DataverseClient dataverse;
  private final InstallSettings settings;
  private final List<TableSpec> tables;
  private final List<StandardTableColumn> standardColumns;
  /** Whether the environment has a table the connector does not own, by logical name, as found in this run. */
  private final Map<String, Boolean> standardTables = new HashMap<>();
  private final Map<String, String> solutionHeader;
  private final PrivilegeGrants grants;

  public Installer(DataverseClient dataverse, InstallSettings settings) {
    this.dataverse = dataverse;
    this.settings = settings;
    this.tables = ConnectorTables.definitions(settings.prefix(), settings.optionValuePrefix());
    this.standardColumns = ConnectorTables.standardTableColumns(settings.prefix(), settings.optionValuePrefix());
    this.solutionHeader = Map.of(SOLUTION_HEADER, settings.solutionUniqueName());
    this.grants = new PrivilegeGrants(dataverse);
  }

  /** Creates what is missing; returns what was created, in order (empty when everything was there). */
  public List<Created> install() {
    return run(true);
  }

  /** What {@link #install()} would create now, without changing anything. */
  public List<Created> plan() {
    return run(false);
  }

  private List<Created> run(boolean apply) {
    Steps steps = new Steps(apply);
    String publisherId = publisher(steps);
    solution(steps, publisherId);
    for (TableSpec table : tables) {
      Optional<JsonNode> existing = tableDefinition(table);
      if (existing.isEmpty()) {
        steps.add("table", table.logicalName(),
            () -> dataverse.create("EntityDefinitions", MetadataBodies.table(table), solutionHeader));
      } else if (!existing.get().path("ChangeTrackingEnabled").asBoolean(false)) {
        steps.addAll("change tracking", List.of(table.logicalName()), () -> enableChangeTracking(table));
      }
    }
    for (TableSpec table : tables) {
      Set<String> existing = attributes(table);
      for (Column column : table.columns()) {
        if (!(column instanceof Column.Lookup) && !existing.contains(column.logicalName())) {
          steps.add("column", table.logicalName() + "." + column.logicalName(),
              () -> dataverse.create(definition(table) + "/Attributes", MetadataBodies.column(column), solutionHeader));
        }
      }
    }
    List<String> changedStandardTables = standardColumns(steps);
    for (TableSpec table : tables) {
      Set<String> existing = attributes(table);
      for (Column column : table.columns()) {
        if (column instanceof Column.Lookup lookup && !existing.contains(lookup.logicalName())
            && targetsExist(table, lookup)) {
          steps.add("lookup", table.logicalName() + "." + lookup.logicalName() + " -> " + lookup.targets(),
              () -> createLookup(table, lookup));
        }
      }
    }
    statusReasons(steps);
    for (TableSpec table : tables) {
      Set<String> existing = names(table, "Keys");
      for (AlternateKey key : table.keys()) {
        if (!existing.contains(key.logicalName())) {
          steps.add("alternate key", table.logicalName() + " " + key.logicalName() + " " + key.columns(),
              () -> dataverse.create(definition(table) + "/Keys", MetadataBodies.key(key), solutionHeader));
        }
      }
    }
    for (EnvironmentVariable variable : ConnectorTables.environmentVariables(settings.prefix())) {
      if (findOne("environmentvariabledefinitions", "schemaname", variable.schemaName()).isEmpty()) {
        steps.add("environment variable", variable.schemaName(), () -> createVariable(variable));
      }
    }
    roles(steps);
    if (apply && steps.changedMetadata()) {
      publish(changedStandardTables);
    }
    return steps.done();
  }

  /**
   * Inserts the missing status reasons, and relabels a built-in one (1 and 2, which Dataverse calls Active and
   * Inactive) whose label is not the declared one.
   */
  private void statusReasons(Steps steps) {
    for (TableSpec table : tables) {
      Map<Integer, String> existing = statusLabels(table);
      for (StatusReason reason : table.statusReasons()) {
        if (!reason.builtIn() && !existing.containsKey(reason.value())) {
          steps.add("status reason", table.logicalName() + " " + reason.value() + " " + reason.label(),
              () -> dataverse.invoke("InsertStatusValue",
                  MetadataBodies.insertStatusValue(table, reason, settings.solutionUniqueName()), solutionHeader)
                  .path("NewOptionValue").asText());
        } else if (reason.builtIn() && existing.containsKey(reason.value())
            && !reason.label().equals(existing.get(reason.value()))) {
          String change = existing.get(reason.value()) + " -> " + reason.label();
          steps.addAll("status label", List.of(table.logicalName() + " " + reason.value() + " " + change),
              () -> relabel(table, reason));
        }
      }
    }
  }

  /**
   * Creates the missing roles and gives each, in one call, the declared privileges it lacks. Run after the tables are
   * created, when their privileges exist.
   */
  private void roles(Steps steps) {
    List<SecurityRole> roles = ConnectorTables.roles(settings.prefix());
    Map<String, String> privilegeIds =
        grants.ids(roles.stream().flatMap(role -> role.privileges().stream()).map(RolePrivilege::name).toList());
    for (SecurityRole role : roles) {
      Optional<ObjectNode> existing = findOne("roles", "name", role.name());
      String businessUnit = existing.map(found -> found.path("_businessunitid_value").asText())
          .orElseGet(this::rootBusinessUnit);
      String roleId = existing.map(found -> found.path("roleid").asText())
          .orElseGet(() -> steps.add("security role", role.name(), () -> createRole(role, businessUnit)));
      Map<String, RolePrivilege.Depth> held = existing.isPresent() ? grants.held(roleId) : Map.of();
      List<RolePrivilege> missing = missingPrivileges(role, held, privilegeIds, steps.apply);
      if (!missing.isEmpty()) {
        steps.addAll("role privilege", missing.stream().map(privilege -> role.name() + " " + privilege).toList(),
            () -> grants.add(roleId, businessUnit, missing, privilegeIds));
      }
    }
  }

  /**
   * Adds the columns on tables the connector does not own, where the environment has the table; returns the tables
   * that get one.
   */
  private List<String> standardColumns(Steps steps) {
    List<String> changed = new ArrayList<>();
    for (StandardTableColumn extra : standardColumns) {
      String column = extra.table() + "." + extra.column().logicalName();
      if (!standardTableExists(extra.table())) {
        LOG.atWarn().addKeyValue("column", column)
            .log("column skipped: the environment does not have its table (is the app with this table installed?)");
      } else if (!names(extra.table(), "Attributes").contains(extra.column().logicalName())) {
        steps.add("column", column, () -> dataverse.create(
            definition(extra.table()) + "/Attributes", MetadataBodies.column(extra.column()), solutionHeader));
        changed.add(extra.table());
      }
    }
    return changed;
  }

  /** Whether every table the lookup points at exists or is one of the connector's; if not, it is skipped, said so. */
  private boolean targetsExist(TableSpec table, Column.Lookup lookup) {
    Set<String> own = tables.stream().map(TableSpec::logicalName).collect(Collectors.toSet());
    List<String> missing = lookup.targets().stream()
        .filter(target -> !own.contains(target) && !standardTableExists(target)).toList();
    if (!missing.isEmpty()) {
      LOG.atWarn().addKeyValue("lookup", table.logicalName() + "." + lookup.logicalName())
          .addKeyValue("missingTables", missing)
          .log("lookup skipped: the environment does not have the table it points at (is its app installed?)");
    }
    return missing.isEmpty();
  }

  private boolean standardTableExists(String logicalName) {
    return standardTables.computeIfAbsent(logicalName, name -> {
      try {
        dataverse.get(definition(name) + "?$select=LogicalName");
        return true;
      } catch (NotFoundException missing) {
        return false;
      }
    });
  }

  /** New status reasons, choices and columns show in the apps once published (dataverse-api.md §8). */
  private void publish(List<String> changedStandardTables) {
    StringBuilder xml = new StringBuilder("<importexportxml><entities>");
    tables.forEach(table -> xml.append("<entity>").append(table.logicalName()).append("</entity>"));
    changedStandardTables.forEach(table -> xml.append("<entity>").append(table).append("</entity>"));
    xml.append("</entities></importexportxml>");
    dataverse.invoke("PublishXml", JSON.objectNode().put("ParameterXml", xml.toString()));
  }

  private String publisher(Steps steps) {
    Optional<ObjectNode> found = findOne("publishers", "uniquename", settings.publisherUniqueName());
    if (found.isPresent()) {
      String prefix = found.get().path("customizationprefix").asText();
      int optionValuePrefix = found.get().path("customizationoptionvalueprefix").asInt();
      if (!prefix.equals(settings.prefix()) || optionValuePrefix != settings.optionValuePrefix()) {
        throw new InstallConflictException("The publisher " + settings.publisherUniqueName() + " has the prefix "
            + prefix + " and option value prefix " + optionValuePrefix + ", not " + settings.prefix() + " and "
            + settings.optionValuePrefix() + ". Install with those, or into another solution.");
      }
      return found.get().path("publisherid").asText();
    }
    ObjectNode publisher = JSON.objectNode()
        .put("uniquename", settings.publisherUniqueName())
        .put("friendlyname", "Spotler Connector")
        .put("customizationprefix", settings.prefix())
        .put("customizationoptionvalueprefix", settings.optionValuePrefix());
    return steps.add("publisher", settings.publisherUniqueName(), () -> dataverse.create("publishers", publisher));
  }

  private void solution(Steps steps, String publisherId) {
    if (findOne("solutions", "uniquename", settings.solutionUniqueName()).isPresent()) {
      return;
    }
    steps.add("solution", settings.solutionUniqueName(), () -> dataverse.create("solutions", JSON.objectNode()
        .put("uniquename", settings.solutionUniqueName())
        .put("friendlyname", "Spotler Connector")
        .put("version", "1.0.0.0")
        .put("publisherid@odata.bind", "/publishers(" + publisherId + ")")));
  }

  private String createLookup(TableSpec table, Column.Lookup lookup) {
    if (lookup.isCustomer()) {
      ObjectNode parameters = MetadataBodies.customerRelationships(table, lookup, settings.solutionUniqueName());
      return dataverse.invoke("CreateCustomerRelationships", parameters, solutionHeader).path("AttributeId").asText();
    }
    return dataverse.create("RelationshipDefinitions", MetadataBodies.relationship(table, lookup), solutionHeader);
  }

  private String createVariable(EnvironmentVariable variable) {
    ObjectNode row = JSON.objectNode()
        .put("schemaname", variable.schemaName())
        .put("displayname", variable.displayName())
        .put("description", variable.description())
        .put("type", 100_000_000); // String
    if (variable.defaultValue() != null) {
      row.put("defaultvalue", variable.defaultValue());
    }
    return dataverse.create("environmentvariabledefinitions", row, solutionHeader);
  }

  /** {@code UpdateOptionValue} gives a status reason the label the contract names (docs/dataverse-tables.md). */
  private void relabel(TableSpec table, StatusReason reason) {
    dataverse.invoke("UpdateOptionValue",
        MetadataBodies.updateOptionValue(table, reason, settings.solutionUniqueName()), solutionHeader);
  }

  private String createRole(SecurityRole role, String businessUnit) {
    ObjectNode row = JSON.objectNode()
        .put("name", role.name())
        .put("description", role.description())
        .put("businessunitid@odata.bind", "/businessunits(" + businessUnit + ")");
    return dataverse.create("roles", row, solutionHeader);
  }

  /**
   * The declared privileges a role does not hold at their depth. One the environment lacks is left out with a
   * warning; in a dry run, so are those of the connector's own tables, which the run would create first.
   */
  private List<RolePrivilege> missingPrivileges(
      SecurityRole role, Map<String, RolePrivilege.Depth> held, Map<String, String> privilegeIds, boolean apply) {
    Set<String> ownTables = tables.stream().map(TableSpec::schemaName).collect(Collectors.toSet());
    List<RolePrivilege> missing = new ArrayList<>();
    List<String> unavailable = new ArrayList<>();
    for (RolePrivilege privilege : role.privileges()) {
      String id = privilegeIds.get(PrivilegeGrants.key(privilege.name()));
      if (id == null && (apply || !ownTables.contains(privilege.table()))) {
        unavailable.add(privilege.name());
      } else if (id == null || !held.containsKey(id) || !privilege.satisfiedBy(held.get(id))) {
        missing.add(privilege);
      }
    }
    if (!unavailable.isEmpty()) {
      LOG.atWarn().addKeyValue("role", role.name()).addKeyValue("privileges", unavailable)
          .log("privileges skipped: the environment does not have them (is the app with these tables installed?)");
    }
    return missing;
  }

  private String rootBusinessUnit() {
    ODataQuery query =
        ODataQuery.of("businessunits").select("businessunitid").filter("_parentbusinessunitid_value eq null");
    return first(query).map(unit -> unit.path("businessunitid").asText())
        .orElseThrow(() -> new IllegalStateException("Dataverse has no root business unit"));
  }

  /** The table's name and change tracking setting; empty when the table does not exist. */
  private Optional<JsonNode> tableDefinition(TableSpec table) {
    try {
      return Optional.of(dataverse.get(definition(table) + "?$select=LogicalName,ChangeTrackingEnabled"));
    } catch (NotFoundException missing) {
      return Optional.empty();
    }
  }

  /**
   * Switches change tracking on for a table that exists without it (made by an earlier version, or by hand): the
   * outbound sync reads the table's changes, e.g. a permission ticked in Dynamics 365. The metadata Web API updates a
   * table by replacing its whole definition (dataverse-api.md §8), so the definition is read, changed and put back,
   * keeping the labels of other languages.
   */
  private void enableChangeTracking(TableSpec table) {
    JsonNode current = dataverse.get(definition(table));
    ObjectNode changed = ((ObjectNode) current).deepCopy();
    changed.remove("@odata.context");
    changed.put("@odata.type", "Microsoft.Dynamics.CRM.EntityMetadata");
    changed.put("ChangeTrackingEnabled", true);
    Map<String, String> headers = new HashMap<>(solutionHeader);
    headers.put("MSCRM.MergeLabels", "true");
    dataverse.replace(definition(table), changed, headers);
  }

  private Set<String> attributes(TableSpec table) {
    return names(table, "Attributes");
  }

  private Set<String> names(TableSpec table, String collection) {
    return names(table.logicalName(), collection);
  }

  /** The logical names of a table's attributes or keys; none when the table does not exist (yet). */
  private Set<String> names(String table, String collection) {
    Set<String> names = new HashSet<>();
    try {
      dataverse.get(definition(table) + "/" + collection + "?$select=LogicalName")
          .path("value").forEach(item -> names.add(item.path("LogicalName").asText()));
    } catch (NotFoundException missing) {
      // a table that is still to be created has nothing yet
    }
    return names;
  }

  /** The status reasons of a table, value to label; a table that is still to be created will have the built-in. */
  private Map<Integer, String> statusLabels(TableSpec table) {
    Map<Integer, String> labels = new HashMap<>();
    try {
      JsonNode status = dataverse.get(definition(table)
          + "/Attributes(LogicalName='statuscode')/Microsoft.Dynamics.CRM.StatusAttributeMetadata"
          + "?$select=LogicalName&$expand=OptionSet($select=Options)");
      status.path("OptionSet").path("Options").forEach(option -> labels.put(option.path("Value").asInt(),
          option.path("Label").path("UserLocalizedLabel").path("Label").asText()));
    } catch (NotFoundException missing) {
      return NEW_TABLE_STATUS_LABELS;
    }
    return labels;
  }

  private Optional<ObjectNode> findOne(String entitySet, String column, String value) {
    return first(ODataQuery.of(entitySet).filter(column + " eq '" + value.replace("'", "''") + "'"));
  }

  private Optional<ObjectNode> first(ODataQuery query) {
    var pages = dataverse.query(query.top(1), 1);
    return pages.hasNext() ? pages.next().items().stream().findFirst() : Optional.empty();
  }

  private static String definition(TableSpec table) {
    return definition(table.logicalName());
  }

  private static String definition(String logicalName) {
    return "EntityDefinitions(LogicalName='" + logicalName + "')";
  }

  /** The creations of one run, logged as they happen; a dry run only lists them. */
  private static final class Steps {
    private final boolean apply;
    private final List<Created> created = new ArrayList<>();

    Steps(boolean apply) {
      this.apply = apply;
    }

    /** Returns the new thing's id, or a placeholder in a dry run. */
    String add(String kind, String name, Supplier<String> create) {
      String id = apply ? create.get() : "00000000-0000-0000-0000-000000000000";
      record(kind, name);
      return id;
    }

    /** Several things made, or one thing changed, by one call. */
    void addAll(String kind, List<String> names, Runnable create) {
      if (apply) {
        create.run();
      }
      names.forEach(name -> record(kind, name));
    }

    private void record(String kind, String name) {
      created.add(new Created(kind, name));
      LOG.atInfo().addKeyValue("kind", kind).addKeyValue("name", name).addKeyValue("dryRun", !apply)
          .log(apply ? "created" : "would create");
    }

    boolean changedMetadata() {
      return created.stream().anyMatch(item -> METADATA_KINDS.contains(item.kind()));
    }

    List<Created> done() {
      return List.copyOf(created);
    }
  }
}
