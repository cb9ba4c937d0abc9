package org.spotlerconnector.permissions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The values of the permission environment variables (the manual's "Environment variables"): semicolon lists of
 * permission descriptions such as {@code Newsletter;Productinfo;Servicenotifications;}, the value {@code ;} that
 * switches pre-population and the daily refresh off, and {@code [All]} for every permission enabled by default.
 */
final class PermissionNames {
  static final String DISABLED = ";";
  static final String ALL = "[All]";

  private PermissionNames() {}

  /** The names of a list, without blanks around them; empty for an empty value and for {@code ;}. */
  static List<String> parse(String value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(";")).map(String::strip).filter(name -> !name.isEmpty()).toList();
  }

  /** The list as the manual writes it: every name followed by a semicolon. */
  static String format(List<String> names) {
    return names.stream().map(name -> name + ";").collect(Collectors.joining());
  }

  /** Whether the value is {@code ;}, which switches pre-population and the daily refresh off. */
  static boolean disables(String value) {
    return value != null && value.strip().equals(DISABLED);
  }

  /** Whether an enabled-by-default value enables every permission. */
  static boolean all(String value) {
    return value != null && value.strip().equalsIgnoreCase(ALL);
  }

  /** Names compare as a person reads them: without case. */
  static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
