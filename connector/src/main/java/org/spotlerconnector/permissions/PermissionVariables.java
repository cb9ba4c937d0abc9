package org.spotlerconnector.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.Lookups;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.install.ConnectorTables;

/**
 * The two environment variables that {@code install} creates for the permissions: {@code <p>_permissions} and
 * {@code <p>_permissions_enabled_by_default}. Both are read in one request, each definition with its value row
 * (dataverse-api.md §8: the value row wins over the definition's default value), and the list's current value is
 * written to its value row, which is created when the variable has none. Thread-safe.
 */
public final class PermissionVariables {
  private static final String DEFINITIONS = "environmentvariabledefinitions";
  private static final String VALUES = "environmentvariablevalues";
  private static final String VALUE_ROWS = "environmentvariabledefinition_environmentvariablevalue";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final DataverseClient dataverse;
  private final String permissionsName;
  private final String enabledByDefaultName;

  public PermissionVariables(DataverseClient dataverse, PermissionTable names) {
    this.dataverse = dataverse;
    this.permissionsName = names.variable(ConnectorTables.PERMISSIONS_VARIABLE);
    this.enabledByDefaultName = names.variable(ConnectorTables.PERMISSIONS_ENABLED_BY_DEFAULT_VARIABLE);
  }

  /**
   * One variable.
   *
   * @param valueRowId its value row, when it has one
   * @param current the value row's value, or else the default value; empty text when neither is set
   */
  public record Variable(String schemaName, String definitionId, Optional<String> valueRowId, String current) {}

  /** Both variables as they are now; a variable that is not installed is empty. */
  public record Values(Optional<Variable> permissions, Optional<Variable> enabledByDefault) {}

  public Values read() {
    ODataQuery query = ODataQuery.of(DEFINITIONS)
        .select("environmentvariabledefinitionid", "schemaname", "defaultvalue")
        .filter("schemaname eq '" + permissionsName + "' or schemaname eq '" + enabledByDefaultName + "'")
        .expand(VALUE_ROWS + "($select=environmentvariablevalueid,value)");
    Map<String, Variable> found = new HashMap<>();
    dataverse.query(query, 10, false).forEachPage(rows -> rows.forEach(row -> {
      Variable variable = variable(row);
      found.put(variable.schemaName().toLowerCase(Locale.ROOT), variable);
    }));
    return new Values(Optional.ofNullable(found.get(permissionsName.toLowerCase(Locale.ROOT))),
        Optional.ofNullable(found.get(enabledByDefaultName.toLowerCase(Locale.ROOT))));
  }

  /** Gives the variable this current value, in its value row: the value that wins over the default value. */
  public void write(Variable variable, String value) {
    if (variable.valueRowId().isPresent()) {
      dataverse.update(VALUES, RecordKey.id(variable.valueRowId().get()), JSON.objectNode().put("value", value));
      return;
    }
    ObjectNode row = JSON.objectNode().put("schemaname", variable.schemaName()).put("value", value);
    Lookups.bind(row, "EnvironmentVariableDefinitionId", DEFINITIONS, RecordKey.id(variable.definitionId()));
    dataverse.create(VALUES, row);
  }

  private static Variable variable(ObjectNode definition) {
    JsonNode valueRow = definition.path(VALUE_ROWS).path(0);
    Optional<String> valueRowId = valueRow.isObject()
        ? Optional.of(valueRow.path("environmentvariablevalueid").asText())
        : Optional.empty();
    String current = valueRow.isObject()
        ? valueRow.path("value").asText("")
        : definition.path("defaultvalue").asText("");
    return new Variable(definition.path("schemaname").asText(), definition.path("environmentvariabledefinitionid")
        .asText(), valueRowId, current);
  }
}
