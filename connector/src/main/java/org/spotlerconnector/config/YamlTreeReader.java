package org.spotlerconnector.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotlerconnector.config.YamlNode.YamlEntry;
import org.spotlerconnector.config.YamlNode.YamlList;
import org.spotlerconnector.config.YamlNode.YamlMap;
import org.spotlerconnector.config.YamlNode.YamlScalar;
import org.spotlerconnector.mapping.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into a {@link YamlNode} tree with the line and column of every key and value, taken from the Jackson YAML
 * parser's token locations. Syntax errors and duplicate keys become problems; a syntax error message never quotes the
 * offending line (it may hold a secret).
 */
final class YamlTreeReader {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final String file;
  private final Problems problems;

  YamlTreeReader(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The document's root; empty when the document is empty or not valid YAML (then a problem was added). */
  Optional<YamlNode> read(String content) {
    try (JsonParser parser = YAML.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      YamlNode root = value(parser, first, "");
      if (parser.nextToken() != null) {
        problems.add(location(parser), "", "the file holds more than one YAML document; keep one");
      }
      return Optional.of(root);
    } catch (IOException e) {
      syntaxProblem(e);
      return Optional.empty();
    }
  }

  private YamlNode value(JsonParser parser, JsonToken token, String path) throws IOException {
    SourceLocation location = location(parser);
    return switch (token) {
      case START_OBJECT -> map(parser, location, path);
      case START_ARRAY -> list(parser, location, path);
      case VALUE_NULL -> new YamlScalar(location, null);
      default -> new YamlScalar(location, parser.getText());
    };
  }

  private YamlMap map(JsonParser parser, SourceLocation location, String path) throws IOException {
    Map<String, YamlEntry> entries = new LinkedHashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      SourceLocation keyLocation = location(parser);
      String keyPath = path.isEmpty() ? key : path + "." + key;
      YamlNode value = value(parser, parser.nextToken(), keyPath);
      YamlEntry earlier = entries.putIfAbsent(key, new YamlEntry(key, keyLocation, value));
      if (earlier != null) {
        problems.add(
            keyLocation, keyPath, "set twice (first at line " + earlier.keyLocation().line() + "); keep one");
      }
    }
    expect(token, JsonToken.END_OBJECT);
    return new YamlMap(location, entries);
  }

  private YamlList list(JsonParser parser, SourceLocation location, String path) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new IOException("unexpected end of the document inside a list");
      }
      items.add(value(parser, token, path + "[" + items.size() + "]"));
    }
    return new YamlList(location, List.copyOf(items));
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("unexpected " + actual + " where " + expected + " was expected");
    }
  }

  private SourceLocation location(JsonParser parser) {
    JsonLocation location = parser.currentTokenLocation();
    return new SourceLocation(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private void syntaxProblem(IOException e) {
    Optional<MarkedYAMLException> marked = markedCause(e);
    if (marked.isPresent() && marked.get().getProblemMark() != null) {
      Mark mark = marked.get().getProblemMark();
      String problem = marked.get().getProblem();
      problems.add(
          new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1),
          "",
          "not valid YAML: " + problem + hint(problem));
      return;
    }
    SourceLocation where =
        e instanceof JsonProcessingException processing && processing.getLocation() != null
            ? new SourceLocation(
                file,
                Math.max(1, processing.getLocation().getLineNr()),
                Math.max(1, processing.getLocation().getColumnNr()))
            : SourceLocation.startOf(file);
    problems.add(where, "", "not valid YAML; check the indentation and quoting around this line");
  }

  private static Optional<MarkedYAMLException> markedCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked) {
        return Optional.of(marked);
      }
    }
    return Optional.empty();
  }

  private static String hint(String problem) {
    if (problem == null) {
      return "";
    }
    if (problem.contains("'\\t'") || problem.contains("\\t")) {
      return "; indent with spaces, not tabs";
    }
    if (problem.contains("'@'") || problem.contains("'`'")) {
      return "; a value starting with @ must be quoted, e.g. contact: \"@map(permissions)\"";
    }
    return "";
  }
}
