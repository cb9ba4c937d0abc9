package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void never_shows_its_value_in_to_string_also_inside_records() {
    Secret secret = Secret.of("hunter2");

    assertThat(secret).hasToString("****");
    assertThat(new StoreConfig("jdbc:sqlite:x.db", Optional.of("me"), Optional.of(secret)).toString())
        .doesNotContain("hunter2");
    assertThat(secret.reveal()).isEqualTo("hunter2");
  }

  @Test
  void masks_a_password_inside_a_jdbc_url() {
    StoreConfig store =
        new StoreConfig("jdbc:postgresql://db/c?user=u&password=hunter2&ssl=true", Optional.empty(), Optional.empty());

    assertThat(store.redactedUrl()).isEqualTo("jdbc:postgresql://db/c?user=u&password=****&ssl=true");
    assertThat(store.toString()).doesNotContain("hunter2");
  }

  @Test
  void compares_by_value() {
    assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
  }
}
