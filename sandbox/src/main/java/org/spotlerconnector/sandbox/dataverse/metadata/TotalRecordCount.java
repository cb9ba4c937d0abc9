package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The unbound function {@code RetrieveTotalRecordCount(EntityNames=@p1)?@p1=["contact","lead"]}, also with the array
 * written inline. It answers a {@code RetrieveTotalRecordCountResponse} whose {@code EntityRecordCountCollection}
 * holds {@code Count}, {@code IsReadOnly} (always false), the logical names as {@code Keys} and the row counts as
 * {@code Values} (Web API reference: RetrieveTotalRecordCount function, EntityRecordCountCollection complex type).
 * Dataverse answers a snapshot taken within the last 24 hours; the emulator counts exactly, at the time of the call.
 */
final class TotalRecordCount {
  static final String FUNCTION = "RetrieveTotalRecordCount";
  private static final String PARAMETER = "EntityNames";
  private static final ObjectMapper LENIENT_JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final MetadataModel model;
  private final ToLongFunction<String> rowCount;

  TotalRecordCount(MetadataModel model, ToLongFunction<String> rowCount) {
    this.model = model;
    this.rowCount = rowCount;
  }

  /**
   * @param parameterText the text between the function's parentheses, e.g. {@code EntityNames=@p1}; null without
   *     parentheses
   */
  ObjectNode call(String parameterText, Map<String, List<String>> queryParameters, String serviceRoot) {
    Set<String> names = entityNames(parameterText, queryParameters);
    for (String name : names) {
      if (model.table(name).isEmpty()) {
        throw MetadataErrors.entityNotInMetadataCache(name);
      }
    }
    ObjectNode body = Json.object();
    body.put("@odata.context", serviceRoot + "/$metadata#Microsoft.Dynamics.CRM.RetrieveTotalRecordCountResponse");
    ObjectNode collection = body.putObject("EntityRecordCountCollection");
    collection.put("Count", names.size());
    collection.put("IsReadOnly", false);
    ArrayNode keys = collection.putArray("Keys");
    ArrayNode values = collection.putArray("Values");
    for (String name : names) {
      keys.add(name);
      values.add(rowCount.applyAsLong(name));
    }
    return body;
  }

  /** The names in request order; a name given twice counts once, as the response is a dictionary. */
  private static Set<String> entityNames(String parameterText, Map<String, List<String>> queryParameters) {
    if (parameterText == null) {
      // Without its parameter the function matches no overload: OData answers that the segment is unknown.
      throw MetadataErrors.resourceNotFound(FUNCTION);
    }
    int equals = parameterText.indexOf('=');
    if (equals < 0 || !parameterText.substring(0, equals).strip().equals(PARAMETER)) {
      throw MetadataErrors.resourceNotFound(FUNCTION);
    }
    String value = parameterText.substring(equals + 1).strip();
    if (value.startsWith("@")) {
      List<String> aliased = queryParameters.get(value);
      if (aliased == null || aliased.isEmpty()) {
        throw MetadataErrors.badRequest(
            "The parameter alias '" + value + "' of parameter '" + PARAMETER + "' has no value in the query string.");
      }
      value = aliased.get(0);
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode element : array(value)) {
      if (!element.isTextual()) {
        throw MetadataErrors.badRequest(
            "The parameter '" + PARAMETER + "' must be an array of table logical names: " + value);
      }
      names.add(element.textValue());
    }
    return names;
  }

  private static JsonNode array(String json) {
    try {
      JsonNode array = LENIENT_JSON.readTree(json);
      if (array != null && array.isArray()) {
        return array;
      }
    } catch (JsonProcessingException e) {
      // reported below, as for any other value that is not an array
    }
    throw MetadataErrors.badRequest(
        "Invalid JSON. The parameter '" + PARAMETER + "' must be an array of table logical names: " + json);
  }
}
