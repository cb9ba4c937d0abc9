package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.config.Placeholders.UnresolvedPlaceholderException;

class PlaceholdersTest {
  @TempDir Path directory;

  private Placeholders placeholders() {
    return new Placeholders(Map.of("HOST", "contoso", "EMPTY", "")::get, directory);
  }

  @Test
  void fills_variables_anywhere_in_a_value() throws Exception {
    assertThat(placeholders().resolve("https://${HOST}.crm4.dynamics.com")).isEqualTo("https://contoso.crm4.dynamics.com");
  }

  @Test
  void uses_the_fallback_for_unset_and_empty_variables_only() throws Exception {
    assertThat(placeholders().resolve("${UNSET:-a}|${EMPTY:-b}|${HOST:-c}|${UNSET:-}")).isEqualTo("a|b|contoso|");
  }

  @Test
  void leaves_dollars_without_a_brace_alone_and_unescapes_double_dollar_brace() throws Exception {
    assertThat(placeholders().resolve("$CustomerType $value:5$ $${HOST}")).isEqualTo("$CustomerType $value:5$ ${HOST}");
  }

  @Test
  void reads_a_file_without_its_trailing_line_breaks() throws Exception {
    Files.writeString(directory.resolve("secret"), "p@ss word\r\n\n");
    assertThat(placeholders().resolve("${file:secret}")).isEqualTo("p@ss word");
    assertThat(placeholders().resolve("${file:" + directory.resolve("secret") + "}")).isEqualTo("p@ss word");
  }

  @Test
  void names_the_unset_variable() {
    assertThatThrownBy(() -> placeholders().resolve("${DATAVERSE_SECRET}"))
        .isInstanceOf(UnresolvedPlaceholderException.class)
        .hasMessage(
            "environment variable DATAVERSE_SECRET is not set; set it, or give a default with"
                + " ${DATAVERSE_SECRET:-value}");
  }

  @Test
  void explains_malformed_placeholders_and_unreadable_files() {
    assertThatThrownBy(() -> placeholders().resolve("${HOST")).hasMessageContaining("is not closed");
    assertThatThrownBy(() -> placeholders().resolve("${my host}")).hasMessageContaining("not a valid placeholder");
    assertThatThrownBy(() -> placeholders().resolve("${file:}")).hasMessageContaining("names no file");
    assertThatThrownBy(() -> placeholders().resolve("${file:absent}"))
        .hasMessageContaining("cannot read file")
        .hasMessageContaining("absent");
  }
}
