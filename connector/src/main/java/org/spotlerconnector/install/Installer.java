package org.spotlerconnector.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.NotFoundException;
import org.spotlerconnector.dataverse.ODataQuery;

/**
 * Creates the connector's tables, roles and environment variables (docs/dataverse-tables.md) through the metadata
 * Web API (dataverse-api.md §8). It reads what exists first and creates only what is missing, in dependency order:
 * publisher, solution, tables with their primary name, columns, lookups, status reasons, alternate keys, environment
 * variables, roles. Running it again creates nothing.
 *
 * <p>Nothing is changed or deleted: a table or column that exists with another definition is left as it is.
 */
public final class Installer {
  private static final Logger LOG = LoggerFactory.getLogger(Installer.class);
  private static final String SOLUTION_HEADER = "MSCRM.SolutionUniqueName";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> METADATA_KINDS =
      Set.of("table", "column", "lookup", "status reason", "alternate key");

  private final DataverseClient dataverse;
  private final InstallSettings settings;
  private final List<TableSpec> tables;
  private final Map<String, String> solutionHeader;

  public Installer(DataverseClient dataverse, InstallSettings settings) {
    this.dataverse = dataverse;
    this.settings = settings;
    this.tables = ConnectorTables.definitions(settings.prefix(), settings.optionValuePrefix());
    this.solutionHeader = Map.of(SOLUTION_HEADER, settings.solutionUniqueName());
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
      if (!tableExists(table)) {
        steps.add("table", table.logicalName(),
            () -> dataverse.create("EntityDefinitions", MetadataBodies.table(table), solutionHeader));
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
    for (TableSpec table : tables) {
      Set<String> existing = attributes(table);
      for (Column column : table.columns()) {
        if (column instanceof Column.Lookup lookup && !existing.contains(lookup.logicalName())) {
          steps.add("lookup", table.logicalName() + "." + lookup.logicalName() + " -> " + lookup.targets(),
              () -> createLookup(table, lookup));
        }
      }
    }
    for (TableSpec table : tables) {
      Set<Integer> existing = statusValues(table);
      for (StatusReason reason : table.statusReasons()) {
        if (!reason.builtIn() && !existing.contains(reason.value())) {
          steps.add("status reason", table.logicalName() + " " + reason.value() + " " + reason.label(),
              () -> dataverse.invoke("InsertStatusValue",
                  MetadataBodies.insertStatusValue(table, reason, settings.solutionUniqueName()), solutionHeader)
                  .path("NewOptionValue").asText());
        }
      }
    }
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
    for (SecurityRole role : ConnectorTables.roles()) {
      if (findOne("roles", "name", role.name()).isEmpty()) {
        steps.add("security role", role.name(), () -> createRole(role));
      }
    }
    if (apply && steps.changedMetadata()) {
      publish();
    }
    return steps.done();
  }

  /** New status reasons and choices show in the apps once published (dataverse-api.md §8). */
  private void publish() {
    StringBuilder xml = new StringBuilder("<importexportxml><entities>");
    tables.forEach(table -> xml.append("<entity>").append(table.logicalName()).append("</entity>"));
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

  private String createRole(SecurityRole role) {
    String rootBusinessUnit = rootBusinessUnit();
    ObjectNode row = JSON.objectNode()
        .put("name", role.name())
        .put("description", role.description())
        .put("businessunitid@odata.bind", "/businessunits(" + rootBusinessUnit + ")");
    return dataverse.create("roles", row, solutionHeader);
  }

  private String rootBusinessUnit() {
    ODataQuery query =
        ODataQuery.of("businessunits").select("businessunitid").filter("_parentbusinessunitid_value eq null");
    return first(query).map(unit -> unit.path("businessunitid").asText())
        .orElseThrow(() -> new IllegalStateException("Dataverse has no root business unit"));
  }

  private boolean tableExists(TableSpec table) {
    try {
      dataverse.get(definition(table) + "?$select=LogicalName");
      return true;
    } catch (NotFoundException missing) {
      return false;
    }
  }

  private Set<String> attributes(TableSpec table) {
    return names(table, "Attributes");
  }

  /** The logical names of a table's attributes or keys; none when the table does not exist (yet). */
  private Set<String> names(TableSpec table, String collection) {
    Set<String> names = new HashSet<>();
    try {
      dataverse.get(definition(table) + "/" + collection + "?$select=LogicalName")
          .path("value").forEach(item -> names.add(item.path("LogicalName").asText()));
    } catch (NotFoundException missing) {
      // a table that is still to be created has nothing yet
    }
    return names;
  }

  private Set<Integer> statusValues(TableSpec table) {
    Set<Integer> values = new HashSet<>();
    try {
      JsonNode status = dataverse.get(definition(table)
          + "/Attributes(LogicalName='statuscode')/Microsoft.Dynamics.CRM.StatusAttributeMetadata"
          + "?$select=LogicalName&$expand=OptionSet($select=Options)");
      status.path("OptionSet").path("Options").forEach(option -> values.add(option.path("Value").asInt()));
    } catch (NotFoundException missing) {
      // a table that is still to be created has only the built-in status reasons
    }
    return values;
  }

  private Optional<ObjectNode> findOne(String entitySet, String column, String value) {
    return first(ODataQuery.of(entitySet).filter(column + " eq '" + value.replace("'", "''") + "'"));
  }

  private Optional<ObjectNode> first(ODataQuery query) {
    var pages = dataverse.query(query.top(1), 1);
    return pages.hasNext() ? pages.next().items().stream().findFirst() : Optional.empty();
  }

  private static String definition(TableSpec table) {
    return "EntityDefinitions(LogicalName='" + table.logicalName() + "')";
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
      created.add(new Created(kind, name));
      LOG.atInfo().addKeyValue("kind", kind).addKeyValue("name", name).addKeyValue("dryRun", !apply)
          .log(apply ? "created" : "would create");
      return id;
    }

    boolean changedMetadata() {
      return created.stream().anyMatch(item -> METADATA_KINDS.contains(item.kind()));
    }

    List<Created> done() {
      return List.copyOf(created);
    }
  }
}
