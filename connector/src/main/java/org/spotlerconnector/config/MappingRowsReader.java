package org.spotlerconnector.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.config.YamlNode.YamlList;
import org.spotlerconnector.config.YamlNode.YamlMap;
import org.spotlerconnector.mapping.ColumnExpression;
import org.spotlerconnector.mapping.Direction;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.RowFilter;
import org.spotlerconnector.merge.ConflictRule;

/**
 * Reads the {@code mapping} list: one map per row with the keys {@code spotler}, {@code contact}, {@code lead},
 * {@code account}, {@code entity}, {@code direction}, {@code conflict} and {@code filter}. Checks the syntax of every
 * value here, and that only a two-way row has a conflict rule; whether the fields and columns exist is for {@link
 * org.spotlerconnector.mapping.MappingValidator}, which needs both schemas.
 */
final class MappingRowsReader {
  static final String SPOTLER = "spotler";
  static final String CONTACT = "contact";
  static final String LEAD = "lead";
  static final String ACCOUNT = "account";
  static final String ENTITY = "entity";
  static final String DIRECTION = "direction";
  static final String CONFLICT = "conflict";
  static final String FILTER = "filter";
  private static final Set<String> KEYS =
      Set.of(SPOTLER, CONTACT, LEAD, ACCOUNT, ENTITY, DIRECTION, CONFLICT, FILTER);

  private MappingRowsReader() {}

  /** The rows; rows with problems are left out (the problems are recorded). */
  static List<FieldMapping> read(Section parent, String key, YamlList list) {
    List<FieldMapping> rows = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String path = parent.pathOf(key) + "[" + i + "]";
      YamlNode item = list.items().get(i);
      if (item instanceof YamlMap map) {
        row(Section.of(path, map, parent.problems(), parent.placeholders())).ifPresent(rows::add);
      } else {
        parent.problems().add(
            item.location(), path, "found " + item.kind() + "; a mapping row is a section such as {spotler: email,"
                + " contact: emailaddress1}");
      }
    }
    return rows;
  }

  private static Optional<FieldMapping> row(Section row) {
    int before = row.problems().count();
    row.allowOnly(KEYS);
    Optional<String> spotlerField =
        row.required(SPOTLER, MappingRowsReader::fieldName, "name the Spotler field (its database name), e.g. email");
    Optional<ColumnExpression> contact = row.optional(CONTACT, ColumnExpression::parse);
    Optional<ColumnExpression> lead = row.optional(LEAD, ColumnExpression::parse);
    Optional<ColumnExpression> account = row.optional(ACCOUNT, ColumnExpression::parse);
    Optional<ColumnExpression> entity = row.optional(ENTITY, ColumnExpression::parse);
    Direction direction = row.optional(DIRECTION, Direction.DEFAULT, Direction::parse);
    Optional<ConflictRule> conflict = row.optional(CONFLICT, ConflictRule::parse);
    if (conflict.isPresent() && direction != Direction.BOTH) {
      row.problems().add(row.locationOf(CONFLICT), row.pathOf(CONFLICT), FieldMapping.CONFLICT_NEEDS_BOTH_WAYS);
    }
    Optional<RowFilter> filter = row.optional(FILTER, RowFilter::parse);
    if (row.problems().count() != before) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldMapping(
            spotlerField.orElseThrow(), contact, lead, account, entity, direction, conflict, filter, row.location()));
  }

  private static String fieldName(String text) {
    String name = text.strip();
    if (name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "a Spotler field's database name has no spaces; use the database name, not the display name");
    }
    return name;
  }
}
