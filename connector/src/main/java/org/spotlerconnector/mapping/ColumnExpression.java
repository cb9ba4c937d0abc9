package org.spotlerconnector.mapping;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a mapping row puts in a table's column: a column of the row, a column of one related row, or one of the
 * incumbent's special values. {@link #text()} gives the canonical written form; {@code parse(e.text())} equals
 * {@code e}.
 *
 * <p>The written forms:
 *
 * <ul>
 *   <li>{@code firstname}: a column of the row ({@link Column}). A lookup column (e.g. {@code parentcustomerid}) reads
 *       the referenced row's id, which Dataverse returns as {@code _parentcustomerid_value}.
 *   <li>{@code parentcustomerid_account.name}: a column of the row a lookup points to ({@link RelatedColumn}). The part
 *       before the dot is the lookup's <em>navigation property</em>, exactly as the Web API names it for
 *       {@code $expand}; for a lookup that can point to several tables it names the target (here: account). Related
 *       columns go one level deep only: {@code a.b.c} is rejected.
 *   <li>{@code $CustomerType}: the source table, {@code contact}, {@code lead} or {@code account} ({@link
 *       CustomerType}).
 *   <li>{@code $value:TEXT}: the fixed text {@code TEXT}, everything after the colon ({@link Constant}).
 *   <li>{@code @map(permissions)}: the contact's permissions (opt-ins) ({@link Permissions}).
 *   <li>{@code @map(list)}: the contact's marketing-list memberships ({@link ListMembership}).
 * </ul>
 *
 * <p>In YAML a value starting with {@code @} must be quoted: {@code contact: "@map(permissions)"}.
 */
public sealed interface ColumnExpression {
  /** Letters, digits and underscores, not starting with a digit: the shape of Dataverse logical names. */
  Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The canonical written form. */
  String text();

  /** Whether this expression names something Dataverse could store a Spotler value in. */
  default boolean writable() {
    return true;
  }

  /**
   * Reads a written expression.
   *
   * @throws MappingSyntaxException saying what is wrong and how to write it, for any text that is not an expression
   */
  static ColumnExpression parse(String text) {
    return ColumnExpressionParser.parse(text);
  }

  /** A column of the row itself. */
  record Column(String name) implements ColumnExpression {
    public Column {
      requireName(name, "column");
    }

    @Override
    public String text() {
      return name;
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /** A column of the row that a lookup of the row points to, reached through the lookup's navigation property. */
  record RelatedColumn(String navigationProperty, String column) implements ColumnExpression {
    public RelatedColumn {
      requireName(navigationProperty, "navigation property");
      requireName(column, "column");
    }

    @Override
    public String text() {
      return navigationProperty + "." + column;
    }

    /** The related row is another record: the connector does not write to it. */
    @Override
    public boolean writable() {
      return false;
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /** {@code $CustomerType}: which table the row comes from. */
  record CustomerType() implements ColumnExpression {
    public static final String TEXT = "$CustomerType";

    @Override
    public String text() {
      return TEXT;
    }

    @Override
    public boolean writable() {
      return false;
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /** {@code $value:TEXT}: a fixed value. */
  record Constant(String value) implements ColumnExpression {
    public static final String PREFIX = "$value:";

    public Constant {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return PREFIX + value;
    }

    @Override
    public boolean writable() {
      return false;
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /** {@code @map(permissions)}: the Spotler permissions, kept in the connector's Spotler Permission table. */
  record Permissions() implements ColumnExpression {
    public static final String TEXT = "@map(permissions)";

    @Override
    public String text() {
      return TEXT;
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /** {@code @map(list)}: membership of CRM marketing lists. */
  record ListMembership() implements ColumnExpression {
    public static final String TEXT = "@map(list)";

    @Override
    public String text() {
      return TEXT;
    }

    @Override
    public String toString() {
      return text();
    }
  }

  private static void requireName(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new MappingSyntaxException(
          "'" + name + "' is not a valid " + what + " name; use letters, digits and _ only, e.g. firstname");
    }
  }
}
