package org.spotlerconnector.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.config.InboundSyncConfig.CreateAs;
import org.spotlerconnector.config.InboundSyncConfig.NewSubscribersConfig;
import org.spotlerconnector.config.InboundSyncConfig.SourceColumn;
import org.spotlerconnector.config.Placeholders.UnresolvedPlaceholderException;
import org.spotlerconnector.config.YamlNode.YamlList;
import org.spotlerconnector.config.YamlNode.YamlScalar;
import org.spotlerconnector.mapping.ColumnExpression;

/**
 * Reads {@code sync.inbound}. A setting that would have no effect with the chosen {@code createAs} (an {@code entity}
 * without {@code createAs: entity}, a {@code matchOn} for leads) is a problem rather than silently ignored: it shows
 * that the file does not say what its author meant.
 */
final class InboundSyncReader {
  private static final String CREATE_AS = "createAs";
  private static final String MATCH_ON = "matchOn";
  private static final String ENTITY = "entity";
  private static final String SOURCE = "source";
  private static final String COLUMN = "column";
  private static final String VALUE = "value";

  private InboundSyncReader() {}

  static InboundSyncConfig read(Section section) {
    section.allowOnly(Set.of("enabled", "pollInterval", "overlap", "pageSize", "newSubscribers"));
    return new InboundSyncConfig(
        section.optional("enabled", true, ConfigValues::bool),
        section.optional("pollInterval", InboundSyncConfig.DEFAULT_POLL_INTERVAL, ConfigValues::positiveDuration),
        section.optional("overlap", InboundSyncConfig.DEFAULT_OVERLAP, InboundSyncReader::overlap),
        section.optional(
            "pageSize",
            InboundSyncConfig.DEFAULT_PAGE_SIZE,
            ConfigValues.wholeNumber(1, InboundSyncConfig.MAX_PAGE_SIZE)),
        newSubscribers(section.section("newSubscribers")));
  }

  private static Duration overlap(String text) {
    Duration overlap = ConfigValues.positiveDuration(text);
    if (overlap.compareTo(Duration.ofHours(InboundSyncConfig.MAX_OVERLAP_HOURS)) > 0) {
      throw new IllegalArgumentException(
          "write a duration up to " + InboundSyncConfig.MAX_OVERLAP_HOURS + "h, e.g. 10m; every poll reads the"
              + " overlap again, and after a stop the connector resumes where it stopped whatever the overlap");
    }
    return overlap;
  }

  private static NewSubscribersConfig newSubscribers(Section section) {
    section.allowOnly(Set.of(CREATE_AS, MATCH_ON, ENTITY, SOURCE));
    int before = section.problems().count();
    CreateAs createAs = section.optional(CREATE_AS, CreateAs.DEFAULT, CreateAs::parse);
    boolean createAsValid = section.problems().count() == before;
    Optional<YamlList> matchOnList = section.list(MATCH_ON);
    List<String> matchOn = matchOnList.map(list -> columnNames(section, list)).orElse(List.of());
    Optional<String> entity =
        createAs == CreateAs.ENTITY
            ? section.required(ENTITY, InboundSyncReader::logicalName,
                "createAs: entity needs the logical name of the table to create rows in, e.g. new_membershipentry")
            : section.optional(ENTITY, InboundSyncReader::logicalName);
    Optional<SourceColumn> source = source(section.section(SOURCE));
    if (createAsValid) {
      checkFitsCreateAs(section, createAs, matchOnList, entity, source);
    }
    if (createAs == CreateAs.ENTITY && entity.isEmpty()) {
      return NewSubscribersConfig.DEFAULT; // never used: the missing entity is a problem, thrown with the others
    }
    return new NewSubscribersConfig(
        createAs, matchOn.isEmpty() ? NewSubscribersConfig.DEFAULT_MATCH_ON : matchOn, entity, source);
  }

  private static void checkFitsCreateAs(
      Section section,
      CreateAs createAs,
      Optional<YamlList> matchOn,
      Optional<String> entity,
      Optional<SourceColumn> source) {
    if (createAs != CreateAs.ENTITY && entity.isPresent()) {
      section.problems().add(section.locationOf(ENTITY), section.pathOf(ENTITY),
          "used only with createAs: entity; remove it, or set createAs: entity");
    }
    if (matchOn.isPresent() && !createAs.findsExisting()) {
      section.problems().add(section.locationOf(MATCH_ON), section.pathOf(MATCH_ON),
          "used only with createAs: contact or entity, as createAs: " + createAs + " never looks for an existing"
              + " row; remove it");
    }
    if (matchOn.filter(list -> list.items().isEmpty()).isPresent() && createAs.findsExisting()) {
      section.problems().add(section.locationOf(MATCH_ON), section.pathOf(MATCH_ON),
          "empty; name the columns that identify the same person, e.g. [emailaddress1] (the default when matchOn is"
              + " left out)");
    }
    if (source.isPresent() && createAs == CreateAs.IGNORE) {
      section.problems().add(section.locationOf(SOURCE), section.pathOf(SOURCE),
          "used only when rows are created, and createAs: ignore creates none; remove it");
    }
  }

  /** A source column needs both its column and its value; without either setting there is none. */
  private static Optional<SourceColumn> source(Section section) {
    section.allowOnly(Set.of(COLUMN, VALUE));
    int before = section.problems().count();
    Optional<String> column = section.optional(COLUMN, InboundSyncReader::logicalName);
    Optional<String> value = section.optional(VALUE, ConfigValues::text);
    if (section.problems().count() != before) {
      return Optional.empty();
    }
    if (column.isPresent() && value.isEmpty()) {
      section.problems().add(section.locationOf(VALUE), section.pathOf(VALUE),
          "missing; set the value the column gets on a created row, e.g. Spotler");
    }
    if (value.isPresent() && column.isEmpty()) {
      section.problems().add(section.locationOf(COLUMN), section.pathOf(COLUMN),
          "missing; name the column that records the channel, e.g. leadsourcecode");
    }
    return column.flatMap(name -> value.map(text -> new SourceColumn(name, text)));
  }

  private static List<String> columnNames(Section section, YamlList list) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String path = section.pathOf(MATCH_ON) + "[" + i + "]";
      YamlNode item = list.items().get(i);
      if (!(item instanceof YamlScalar scalar) || scalar.text() == null) {
        section.problems().add(item.location(), path,
            "found " + (item instanceof YamlScalar ? "an empty value" : item.kind()) + "; write a column's logical"
                + " name, e.g. emailaddress1");
        continue;
      }
      try {
        names.add(logicalName(section.placeholders().resolve(scalar.text())));
      } catch (UnresolvedPlaceholderException e) {
        section.problems().add(scalar.location(), path, e.getMessage());
      } catch (IllegalArgumentException e) {
        section.problems().add(scalar.location(), path, "'" + scalar.text() + "' is not valid; " + e.getMessage());
      }
    }
    return names;
  }

  private static String logicalName(String text) {
    String name = text.strip();
    if (!ColumnExpression.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("write a logical name: letters, digits and _ only, e.g. emailaddress1");
    }
    return name;
  }
}
