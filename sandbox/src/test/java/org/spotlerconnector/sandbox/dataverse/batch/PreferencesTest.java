package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpRequest;

@DisplayName("dataverse-api.md §2.1: Prefer values are sent comma-joined; $batch honours odata.continue-on-error")
class PreferencesTest {

  @Test
  void finds_continue_on_error_alone_or_among_other_preferences() {
    assertThat(Preferences.continueOnError(prefer("odata.continue-on-error"))).isTrue();
    assertThat(Preferences.continueOnError(prefer("odata.include-annotations=\"a,b\", odata.continue-on-error")))
        .isTrue();
    assertThat(Preferences.continueOnError(prefer("return=representation", "odata.continue-on-error=true"))).isTrue();
  }

  @Test
  void does_not_continue_when_absent_or_false() {
    assertThat(Preferences.continueOnError(prefer())).isFalse();
    assertThat(Preferences.continueOnError(prefer("return=representation"))).isFalse();
    assertThat(Preferences.continueOnError(prefer("odata.continue-on-error=false"))).isFalse();
    assertThat(Preferences.continueOnError(prefer("odata.include-annotations=\"odata.continue-on-error\""))).isFalse();
  }

  private static HttpRequest prefer(String... values) {
    Map<String, List<String>> headers = values.length == 0 ? Map.of() : Map.of("Prefer", List.of(values));
    return new HttpRequest("POST", "/api/data/v9.2/$batch", null, headers, new byte[0], "test");
  }
}
