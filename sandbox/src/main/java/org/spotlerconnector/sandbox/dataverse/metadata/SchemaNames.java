package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of customizations: a schema name such as {@code new_BankAccount} starts with a customization prefix and an
 * underscore; its logical name is the schema name in lower case; a table's entity set and collection schema name are
 * the English plural (create-update-entity-definitions-using-web-api.md: {@code new_BankAccount} →
 * {@code new_bankaccounts}, {@code new_BankAccounts}).
 */
final class SchemaNames {
  /** A prefix, an underscore and the rest; at most 64 characters, a cap of the emulator's own. */
  private static final Pattern SCHEMA_NAME = Pattern.compile("(?=.{4,64}$)([A-Za-z][A-Za-z0-9]{1,7})_[A-Za-z0-9_]+");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private SchemaNames() {}

  static String logicalName(String schemaName) {
    return schemaName.toLowerCase(Locale.ROOT);
  }

  /**
   * Checks a schema name and, when the request names a solution, that it starts with the solution publisher's prefix.
   * The texts are the emulator's own.
   *
   * @param publisherPrefix the prefix of the solution's publisher, or null when the request names no solution
   */
  static void requireValid(String schemaName, String publisherPrefix) {
    Matcher matcher = SCHEMA_NAME.matcher(schemaName == null ? "" : schemaName);
    if (!matcher.matches()) {
      throw MetadataErrors.invalidDefinition(
          "The schema name '" + schemaName + "' is not valid: it must start with a customization prefix of 2 to 8"
              + " letters or digits and an underscore, followed by letters, digits or underscores, 64 characters at"
              + " most.");
    }
    if (publisherPrefix != null && !matcher.group(1).equalsIgnoreCase(publisherPrefix)) {
      throw MetadataErrors.invalidDefinition(
          "The schema name '" + schemaName + "' does not start with the customization prefix '" + publisherPrefix
              + "_' of the solution's publisher.");
    }
  }

  /** Checks a name a client chose for an entity set or navigation property: letters, digits and underscores. */
  static void requireIdentifier(String name, String property) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw MetadataErrors.invalidDefinition(
          "The " + property + " '" + name + "' is not valid: use letters, digits and underscores, starting with a"
              + " letter or an underscore.");
    }
  }

  /** The English plural: {@code y} after a consonant becomes {@code ies}; {@code s x z ch sh} take {@code es}. */
  static String plural(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return name.substring(0, name.length() - 1) + "ies";
    }
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return name + "es";
    }
    return name + "s";
  }
}
