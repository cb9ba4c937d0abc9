package org.spotlerconnector.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.spotlerconnector.dataverse.DataverseError;

/**
 * A stand-in for {@code DataverseClient.get} that answers table definition requests with recorded bodies (the
 * resources under {@code /schema/}, in the shape the metadata Web API documents) and 404 for any other table, and
 * remembers every URL it was asked for.
 */
final class RecordedMetadata implements Function<String, JsonNode> {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEFINITION_URL = Pattern.compile("EntityDefinitions\\(LogicalName='(\\w+)'\\).*");

  private final Map<String, JsonNode> definitions = new HashMap<>();
  private final List<String> requests = new ArrayList<>();

  /** Answers for the recorded definitions of these tables: {@code contact}, {@code lead}, {@code account}. */
  static RecordedMetadata of(String... tables) {
    RecordedMetadata metadata = new RecordedMetadata();
    for (String table : tables) {
      metadata.answer(table, recording(table));
    }
    return metadata;
  }

  static JsonNode recording(String table) {
    try (InputStream in = RecordedMetadata.class.getResourceAsStream("/schema/" + table + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded definition of " + table);
      }
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RecordedMetadata answer(String table, JsonNode definition) {
    definitions.put(DataverseSchemaReader.definitionUrl(table), definition);
    return this;
  }

  @Override
  public JsonNode apply(String relativeUrl) {
    requests.add(relativeUrl);
    JsonNode definition = definitions.get(relativeUrl);
    if (definition == null) {
      String table = tablesRequested(List.of(relativeUrl)).get(0);
      throw new DataverseError(
              404,
              "0x80040217",
              "Could not find an entity with name " + table + " and id 00000000-0000-0000-0000-000000000000.",
              "")
          .toException();
    }
    return definition;
  }

  List<String> requests() {
    return requests;
  }

  /** The tables asked for, in order, read back from the requested URLs. */
  List<String> tablesRequested() {
    return tablesRequested(requests);
  }

  private static List<String> tablesRequested(List<String> urls) {
    return urls.stream().map(url -> DEFINITION_URL.matcher(url).replaceFirst("$1")).toList();
  }
}
