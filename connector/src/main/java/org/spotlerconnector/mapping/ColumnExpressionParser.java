package org.spotlerconnector.mapping;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spotlerconnector.mapping.ColumnExpression.Column;
import org.spotlerconnector.mapping.ColumnExpression.Constant;
import org.spotlerconnector.mapping.ColumnExpression.CustomerType;
import org.spotlerconnector.mapping.ColumnExpression.ListMembership;
import org.spotlerconnector.mapping.ColumnExpression.Permissions;
import org.spotlerconnector.mapping.ColumnExpression.RelatedColumn;

/** Turns written column expressions into {@link ColumnExpression}s; see there for the syntax. */
final class ColumnExpressionParser {
  private static final Pattern MAP_FUNCTION = Pattern.compile("@map\\(\\s*([^)]*?)\\s*\\)", Pattern.CASE_INSENSITIVE);
  /** The incumbent's {@code lookup(table).column} form, which we ask to be written as the navigation property. */
  private static final Pattern INCUMBENT_RELATED = Pattern.compile("(\\w+)\\((\\w+)\\)\\.(\\w+)");

  private ColumnExpressionParser() {}

  static ColumnExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new MappingSyntaxException("the column is empty; name a column (e.g. firstname) or leave the key out");
    }
    String leadingTrimmed = text.stripLeading();
    if (startsWithIgnoringCase(leadingTrimmed, Constant.PREFIX)) {
      return new Constant(leadingTrimmed.substring(Constant.PREFIX.length()));
    }
    String trimmed = leadingTrimmed.strip();
    if (trimmed.startsWith("$")) {
      return special(trimmed);
    }
    if (trimmed.startsWith("@")) {
      return mapFunction(trimmed);
    }
    return columnPath(trimmed);
  }

  private static ColumnExpression special(String text) {
    if (text.equalsIgnoreCase(CustomerType.TEXT)) {
      return new CustomerType();
    }
    throw new MappingSyntaxException(
        "unknown special value '" + text + "'; use $CustomerType or $value:TEXT (a fixed text)");
  }

  private static ColumnExpression mapFunction(String text) {
    Matcher matcher = MAP_FUNCTION.matcher(text);
    if (!matcher.matches()) {
      throw new MappingSyntaxException(
          "'" + text + "' is not a mapping function; use @map(permissions) or @map(list)");
    }
    String target = matcher.group(1).toLowerCase(Locale.ROOT);
    return switch (target) {
      case "permissions" -> new Permissions();
      case "list" -> new ListMembership();
      default ->
          throw new MappingSyntaxException(
              "@map(" + matcher.group(1) + ") is not supported; use @map(permissions) or @map(list)");
    };
  }

  private static ColumnExpression columnPath(String text) {
    Matcher incumbent = INCUMBENT_RELATED.matcher(text);
    if (incumbent.matches()) {
      throw new MappingSyntaxException(
          "write a related column with the lookup's navigation property: "
              + incumbent.group(1) + "_" + incumbent.group(2) + "." + incumbent.group(3)
              + " instead of " + text);
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length > 2) {
      throw new MappingSyntaxException(
          "'" + text + "' goes " + (parts.length - 1) + " levels deep; related columns may be one level deep only"
              + " (navigationProperty.column, e.g. parentcustomerid_account.name)");
    }
    if (parts.length == 2) {
      return new RelatedColumn(parts[0], parts[1]);
    }
    return new Column(text);
  }

  private static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
