package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The function {@code RetrieveEnvironmentVariableValue(DefinitionSchemaName='x')} (Web API reference;
 * dataverse-api.md §8), also with a parameter alias ({@code DefinitionSchemaName=@p1?@p1='x'}): answers
 * {@code {"Value": …}}, the definition's value row when there is one, else its {@code defaultvalue}. An unknown
 * schema name is refused with 404; the text is the emulator's own.
 */
final class EnvironmentVariables {
  static final String FUNCTION = "RetrieveEnvironmentVariableValue";
  private static final Pattern PARAMETER = Pattern.compile("\\s*DefinitionSchemaName\\s*=\\s*(.+?)\\s*");
  private static final String DEFINITION_LOOKUP =
      ColumnDefinition.lookupValueProperty("environmentvariabledefinitionid");

  private final DataverseStore store;

  EnvironmentVariables(DataverseStore store) {
    this.store = store;
  }

  /**
   * @param parameterText the text between the function's parentheses, or null
   * @param aliases the request's parameter aliases ({@code @p1} → {@code 'x'})
   */
  ObjectNode retrieveValue(String parameterText, Map<String, String> aliases, CallContext context) {
    String schemaName = schemaName(parameterText, aliases);
    return store.read(
        () -> {
          Row definition =
              rows(SystemTables.VARIABLE_DEFINITION)
                  .filter(r -> schemaName.equalsIgnoreCase(r.values().path("schemaname").asText(null)))
                  .findFirst()
                  .orElseThrow(() -> new DataverseException(
                      404,
                      DataverseException.OBJECT_DOES_NOT_EXIST,
                      "No environment variable definition with the schema name '" + schemaName + "' exists."));
          Optional<String> value =
              rows(SystemTables.VARIABLE_VALUE)
                  .filter(r -> definition.id().toString().equals(r.values().path(DEFINITION_LOOKUP).asText(null)))
                  .map(r -> r.values().path("value").asText(null))
                  .findFirst();
          ObjectNode body = Json.object();
          body.put(
              "@odata.context",
              context.metadataUrl() + "#Microsoft.Dynamics.CRM.RetrieveEnvironmentVariableValueResponse");
          body.put("Value", value.orElseGet(() -> definition.values().path("defaultvalue").asText(null)));
          return body;
        });
  }

  private Stream<Row> rows(String logicalName) {
    return store.byLogicalName(logicalName).stream().flatMap(t -> t.rows().stream());
  }

  private static String schemaName(String parameterText, Map<String, String> aliases) {
    Matcher matcher = PARAMETER.matcher(parameterText == null ? "" : parameterText);
    if (!matcher.matches()) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY,
          "The function " + FUNCTION + " needs the parameter DefinitionSchemaName, e.g. "
              + FUNCTION + "(DefinitionSchemaName='new_Setting').");
    }
    String literal = matcher.group(1);
    if (literal.startsWith("@")) {
      literal = aliases.getOrDefault(literal, "");
    }
    if (literal.length() < 2 || !literal.startsWith("'") || !literal.endsWith("'")) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY, "DefinitionSchemaName must be a string literal such as 'new_Setting'.");
    }
    return literal.substring(1, literal.length() - 1).replace("''", "'");
  }
}
