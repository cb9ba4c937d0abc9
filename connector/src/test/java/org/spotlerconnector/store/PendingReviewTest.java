package org.spotlerconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PendingReviewTest {

  @ParameterizedTest
  @CsvSource({
    "anna.devries@example.org, a***@example.org",
    "' b@mail.example.nl ', b***@mail.example.nl",
    "not-an-address, ***",
    "@example.org, ***",
  })
  void a_masked_email_keeps_only_the_first_character_and_the_domain(String email, String masked) {
    assertThat(PendingReview.maskEmail(email)).isEqualTo(masked);
  }
}
