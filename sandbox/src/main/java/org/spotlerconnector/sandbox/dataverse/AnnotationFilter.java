package org.spotlerconnector.sandbox.dataverse;

import java.util.ArrayList;
import java.util.List;

/**
 * Which instance annotations a client asked for with {@code odata.include-annotations}: {@code *}, full terms, a
 * namespace wildcard such as {@code Microsoft.Dynamics.CRM.*}, and exclusions starting with {@code -}.
 */
final class AnnotationFilter {
  static final String FORMATTED_VALUE = "OData.Community.Display.V1.FormattedValue";
  static final String LOOKUP_LOGICAL_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname";
  static final String ASSOCIATED_NAVIGATION_PROPERTY = "Microsoft.Dynamics.CRM.associatednavigationproperty";
  static final AnnotationFilter NONE = new AnnotationFilter(List.of(), List.of());

  private final List<String> included;
  private final List<String> excluded;

  private AnnotationFilter(List<String> included, List<String> excluded) {
    this.included = included;
    this.excluded = excluded;
  }

  static AnnotationFilter of(String preference) {
    if (preference == null || preference.isBlank()) {
      return NONE;
    }
    List<String> included = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String part : preference.split(",")) {
      String pattern = part.trim();
      if (pattern.startsWith("-")) {
        excluded.add(pattern.substring(1));
      } else if (!pattern.isEmpty()) {
        included.add(pattern);
      }
    }
    return new AnnotationFilter(included, excluded);
  }

  boolean any() {
    return !included.isEmpty();
  }

  boolean includes(String term) {
    return excluded.stream().noneMatch(p -> matches(p, term)) && included.stream().anyMatch(p -> matches(p, term));
  }

  private static boolean matches(String pattern, String term) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.endsWith(".*")) {
      return term.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(term);
  }
}
