package org.spotlerconnector.config;

import java.util.List;
import java.util.Map;
import org.spotlerconnector.mapping.SourceLocation;

/** A YAML document as a tree that remembers where each part was written. */
sealed interface YamlNode {
  SourceLocation location();

  /** What kind of value this is, for messages like "expected a section, found a list". */
  String kind();

  record YamlMap(SourceLocation location, Map<String, YamlEntry> entries) implements YamlNode {
    @Override
    public String kind() {
      return "a section";
    }
  }

  record YamlEntry(String key, SourceLocation keyLocation, YamlNode value) {}

  record YamlList(SourceLocation location, List<YamlNode> items) implements YamlNode {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A single value; {@code text} is {@code null} for an empty value or YAML null ({@code ~}, {@code null}). */
  record YamlScalar(SourceLocation location, String text) implements YamlNode {
    @Override
    public String kind() {
      return "a single value";
    }
  }
}
