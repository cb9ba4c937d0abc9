package org.spotlerconnector.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spotlerconnector.dataverse.DataverseError;

/**
 * A stand-in for {@code DataverseClient.get} that answers metadata requests with recorded bodies (the resources under
 * {@code /schema/}, in the shape the metadata Web API documents) and 404 for any other table, and remembers every URL
 * it was asked for. A table's definition is {@code <table>.json}; the answers to its typed attribute queries
 * ({@code …/Attributes/Microsoft.Dynamics.CRM.<type>}) are in {@code <table>.typed.json} by type. A table without
 * that file answers them with no attributes, as a cast that matches none does.
 */
final class RecordedMetadata implements Function<String, JsonNode> {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TABLE_URL = Pattern.compile("EntityDefinitions\\(LogicalName='(\\w+)'\\).*");
  private static final Pattern TYPED_URL =
      Pattern.compile(
          "EntityDefinitions\\(LogicalName='(\\w+)'\\)/Attributes/Microsoft\\.Dynamics\\.CRM\\.(\\w+)\\?.+");

  private final Map<String, JsonNode> definitions = new HashMap<>();
  private final Map<String, ObjectNode> typedAnswers = new HashMap<>();
  private final List<String> requests = new ArrayList<>();

  /** Answers for the recorded definitions of these tables: {@code contact}, {@code lead}, {@code account}. */
  static RecordedMetadata of(String... tables) {
    RecordedMetadata metadata = new RecordedMetadata();
    for (String table : tables) {
      metadata.answer(table, recording(table));
      typedRecording(table).ifPresent(typed -> metadata.typedAnswers.put(table, (ObjectNode) typed));
    }
    return metadata;
  }

  static JsonNode recording(String table) {
    return resource(table + ".json")
        .orElseThrow(() -> new IllegalArgumentException("no recorded definition of " + table));
  }

  /** The recorded answers to a table's typed attribute queries, by the type cast to: {@code MemoAttributeMetadata}… */
  static Optional<JsonNode> typedRecording(String table) {
    return resource(table + ".typed.json");
  }

  private static Optional<JsonNode> resource(String name) {
    try (InputStream in = RecordedMetadata.class.getResourceAsStream("/schema/" + name)) {
      return in == null
          ? Optional.empty()
          : Optional.of(JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers the definition request for the table with this body. */
  RecordedMetadata answer(String table, JsonNode definition) {
    definitions.put(DataverseSchemaReader.definitionUrl(table), definition);
    return this;
  }

  /** Answers the table's typed query for this type, e.g. {@code StringAttributeMetadata}, with this body. */
  RecordedMetadata answerTyped(String table, String type, JsonNode answer) {
    ObjectNode answers = typedAnswers.computeIfAbsent(table, t -> JSON.createObjectNode());
    answers.set(type, answer);
    return this;
  }

  @Override
  public JsonNode apply(String relativeUrl) {
    requests.add(relativeUrl);
    Matcher typed = TYPED_URL.matcher(relativeUrl);
    if (typed.matches() && definitions.containsKey(DataverseSchemaReader.definitionUrl(typed.group(1)))) {
      JsonNode answer = typedAnswers.getOrDefault(typed.group(1), JSON.createObjectNode()).get(typed.group(2));
      return answer != null ? answer : JSON.createObjectNode().set("value", JSON.createArrayNode());
    }
    JsonNode definition = definitions.get(relativeUrl);
    if (definition == null) {
      throw new DataverseError(
              404,
              "0x80040217",
              "Could not find an entity with name " + table(relativeUrl)
                  + " and id 00000000-0000-0000-0000-000000000000.",
              "")
          .toException();
    }
    return definition;
  }

  List<String> requests() {
    return requests;
  }

  /** The tables whose definitions were asked for, in order. */
  List<String> tablesRequested() {
    return requests.stream().filter(url -> !TYPED_URL.matcher(url).matches()).map(RecordedMetadata::table).toList();
  }

  /** How many requests were made about this table: its definition and its typed attribute queries. */
  long requestsFor(String table) {
    return requests.stream().filter(url -> table(url).equals(table)).count();
  }

  private static String table(String url) {
    return TABLE_URL.matcher(url).replaceFirst("$1");
  }
}
