package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternTest {

  @ParameterizedTest(name = "''{0}'' LIKE ''{1}'' -> {2}")
  @CsvSource({
    "abc, abc, true",
    "ABC, abc, true",
    "abc, ab, false",
    "abc, a%, true",
    "abc, %c, true",
    "abc, %b%, true",
    "abc, %, true",
    "'', %, true",
    "'', _, false",
    "abc, a_c, true",
    "abc, a__c, false",
    "abc, [a-b]bc, true",
    "Abc, [a-b]bc, true",
    "abc, [^a]bc, false",
    "abc, [xa]bc, true",
    "a[c, a[c, true",
    "aXbXc, a%b%c, true",
    "aXbXd, a%b%c, false",
    "mississippi, %iss%ippi, true",
    "50% off, 50[%]%, true",
    "50 off, 50[%]%, false"
  })
  void matches_like_sql_server(String text, String pattern, boolean expected) {
    assertThat(LikePattern.compile(pattern).matches(text)).isEqualTo(expected);
  }

  @Test
  void matches_long_texts_against_many_wildcards_quickly() {
    String text = "a".repeat(20_000);
    LikePattern pattern = LikePattern.compile("%a".repeat(500) + "b");
    assertThat(pattern.matches(text)).isFalse();
  }
}
