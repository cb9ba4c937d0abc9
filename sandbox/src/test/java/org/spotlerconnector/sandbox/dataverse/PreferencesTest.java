package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpRequest;

class PreferencesTest {

  private static Preferences of(String... headers) {
    return Preferences.of(new HttpRequest("GET", "/", null, Map.of("Prefer", List.of(headers)), new byte[0], "test"));
  }

  @Test
  void reads_comma_joined_preferences_with_quoted_lists() {
    Preferences p =
        of("return=representation,odata.include-annotations=\"OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname\",odata.maxpagesize=100");

    assertThat(p.returnRepresentation()).isTrue();
    assertThat(p.maxPageSize()).isEqualTo(100);
    assertThat(p.annotations().includes(AnnotationFilter.LOOKUP_LOGICAL_NAME)).isTrue();
    assertThat(p.annotations().includes(AnnotationFilter.ASSOCIATED_NAVIGATION_PROPERTY)).isFalse();
  }

  @Test
  void reads_preferences_spread_over_headers() {
    Preferences p = of("odata.track-changes", "odata.maxpagesize=0");

    assertThat(p.trackChanges()).isTrue();
    assertThat(p.maxPageSize()).isNull();
  }

  @Test
  void annotation_wildcards_and_exclusions() {
    AnnotationFilter filter = AnnotationFilter.of("Microsoft.Dynamics.CRM.*,-Microsoft.Dynamics.CRM.associatednavigationproperty");

    assertThat(filter.includes(AnnotationFilter.LOOKUP_LOGICAL_NAME)).isTrue();
    assertThat(filter.includes(AnnotationFilter.ASSOCIATED_NAVIGATION_PROPERTY)).isFalse();
    assertThat(filter.includes(AnnotationFilter.FORMATTED_VALUE)).isFalse();
    assertThat(AnnotationFilter.of("*").includes(AnnotationFilter.FORMATTED_VALUE)).isTrue();
  }
}
