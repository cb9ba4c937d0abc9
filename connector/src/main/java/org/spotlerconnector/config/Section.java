package org.spotlerconnector.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.config.Placeholders.UnresolvedPlaceholderException;
import org.spotlerconnector.config.YamlNode.YamlEntry;
import org.spotlerconnector.config.YamlNode.YamlList;
import org.spotlerconnector.config.YamlNode.YamlMap;
import org.spotlerconnector.config.YamlNode.YamlScalar;
import org.spotlerconnector.mapping.MappingSyntaxException;
import org.spotlerconnector.mapping.SourceLocation;
import org.spotlerconnector.mapping.Suggestions;

/**
 * One map of the configuration (the root, {@code dataverse}, {@code dataverse.budget}, a mapping row...) with typed
 * reads that record a problem, with file, line and setting, instead of failing, so that one pass finds every problem.
 * Values have their placeholders filled; values read as secrets are never quoted in a problem.
 */
final class Section {
  private final String path;
  private final Optional<YamlMap> map;
  private final SourceLocation location;
  private final Problems problems;
  private final Placeholders placeholders;

  private Section(
      String path, Optional<YamlMap> map, SourceLocation location, Problems problems, Placeholders placeholders) {
    this.path = path;
    this.map = map;
    this.location = location;
    this.problems = problems;
    this.placeholders = placeholders;
  }

  /** The root of a document; an empty document reads as an empty section. */
  static Section root(
      Optional<YamlNode> root, String file, String expectation, Problems problems, Placeholders placeholders) {
    Optional<YamlMap> map = root.filter(YamlMap.class::isInstance).map(YamlMap.class::cast);
    root.filter(node -> !(node instanceof YamlMap))
        .ifPresent(node -> problems.add(node.location(), "", "found " + node.kind() + "; " + expectation));
    return new Section("", map, SourceLocation.startOf(file), problems, placeholders);
  }

  /** A map read from a list item, e.g. one mapping row. */
  static Section of(String path, YamlMap map, Problems problems, Placeholders placeholders) {
    return new Section(path, Optional.of(map), map.location(), problems, placeholders);
  }

  SourceLocation location() {
    return location;
  }

  Problems problems() {
    return problems;
  }

  Placeholders placeholders() {
    return placeholders;
  }

  /** Reports every key not in {@code known}, suggesting the closest known key. */
  void allowOnly(Set<String> known) {
    map.ifPresent(
        m ->
            m.entries().values().stream()
                .filter(entry -> !known.contains(entry.key()))
                .forEach(
                    entry ->
                        problems.add(
                            entry.keyLocation(),
                            pathOf(entry.key()),
                            "unknown setting" + Suggestions.didYouMean(entry.key(), known)
                                + "; known here: " + String.join(", ", known.stream().sorted().toList()))));
  }

  /** A nested section; absent reads as empty (so its defaults apply), anything but a map is a problem. */
  Section section(String key) {
    Optional<YamlEntry> entry = entry(key);
    if (entry.isEmpty() || isEmptyScalar(entry.get().value())) {
      return new Section(pathOf(key), Optional.empty(), entry.map(YamlEntry::keyLocation).orElse(location),
          problems, placeholders);
    }
    YamlNode value = entry.get().value();
    if (value instanceof YamlMap nested) {
      return new Section(pathOf(key), Optional.of(nested), entry.get().keyLocation(), problems, placeholders);
    }
    problems.add(value.location(), pathOf(key), "found " + value.kind() + "; expected a section of settings");
    return new Section(pathOf(key), Optional.empty(), value.location(), problems, placeholders);
  }

  /** A list; empty when absent or not a list (then a problem was added). */
  Optional<YamlList> list(String key) {
    Optional<YamlEntry> entry = entry(key);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    YamlNode value = entry.get().value();
    if (value instanceof YamlList list) {
      return Optional.of(list);
    }
    if (isEmptyScalar(value)) {
      return Optional.of(new YamlList(value.location(), List.of()));
    }
    problems.add(value.location(), pathOf(key), "found " + value.kind() + "; expected a list");
    return Optional.empty();
  }

  /** The value, or {@code fallback} when the key is absent or empty; a problem when it cannot be parsed. */
  <T> T optional(String key, T fallback, ValueParser<T> parser) {
    return read(key, parser, false).orElse(fallback);
  }

  /** The value; empty when the key is absent or empty, or when it cannot be parsed (then a problem was added). */
  <T> Optional<T> optional(String key, ValueParser<T> parser) {
    return read(key, parser, false);
  }

  /** The value; a problem with {@code whatToSet} when it is absent or empty. */
  <T> Optional<T> required(String key, ValueParser<T> parser, String whatToSet) {
    return required(key, parser, whatToSet, false);
  }

  /** Like {@link #optional} for values that may embed credentials (a JDBC URL): never quoted in a problem. */
  <T> T optionalSensitive(String key, T fallback, ValueParser<T> parser) {
    return read(key, parser, true).orElse(fallback);
  }

  Optional<Secret> requiredSecret(String key, String whatToSet) {
    return required(key, Secret::of, whatToSet, true);
  }

  Optional<Secret> optionalSecret(String key) {
    return read(key, Secret::of, true);
  }

  /** The raw text after placeholders, without interpretation; empty when absent or empty. */
  Optional<String> text(String key) {
    return read(key, text -> text, false);
  }

  /** Where a key's value was written, or this section's location when the key is absent. */
  SourceLocation locationOf(String key) {
    return entry(key).map(e -> e.value().location()).orElse(location);
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private <T> Optional<T> required(String key, ValueParser<T> parser, String whatToSet, boolean secret) {
    int before = problems.count();
    Optional<T> value = read(key, parser, secret);
    if (value.isEmpty() && problems.count() == before) {
      problems.add(locationOf(key), pathOf(key), "missing; " + whatToSet);
    }
    return value;
  }

  private <T> Optional<T> read(String key, ValueParser<T> parser, boolean secret) {
    Optional<YamlEntry> entry = entry(key);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    YamlNode node = entry.get().value();
    if (!(node instanceof YamlScalar scalar)) {
      problems.add(node.location(), pathOf(key), "found " + node.kind() + "; expected a single value");
      return Optional.empty();
    }
    if (scalar.text() == null) {
      return Optional.empty();
    }
    String text;
    try {
      text = placeholders.resolve(scalar.text());
    } catch (UnresolvedPlaceholderException e) {
      problems.add(scalar.location(), pathOf(key), e.getMessage());
      return Optional.empty();
    }
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.parse(text));
    } catch (IllegalArgumentException e) {
      problems.add(scalar.location(), pathOf(key), invalidValueMessage(text, e, secret));
      return Optional.empty();
    }
  }

  /** Mapping syntax messages already quote the text they reject; other parsers only say how to write the value. */
  private static String invalidValueMessage(String text, IllegalArgumentException e, boolean secret) {
    if (e instanceof MappingSyntaxException) {
      return e.getMessage();
    }
    return (secret ? "the value" : "'" + text + "'") + " is not valid; " + e.getMessage();
  }

  private Optional<YamlEntry> entry(String key) {
    return map.map(m -> m.entries().get(key));
  }

  private static boolean isEmptyScalar(YamlNode node) {
    return node instanceof YamlScalar scalar && scalar.text() == null;
  }
}
