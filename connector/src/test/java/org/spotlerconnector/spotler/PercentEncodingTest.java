package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property-style checks over seeded random strings (docs/adr/0002): a failure names its seed and can be replayed. */
class PercentEncodingTest {
  private static final String UNRESERVED = "ABCXYZabcxyz0189-._~";
  /** Characters that break naive encoders, plus multi-byte and astral (surrogate pair) ones. */
  private static final String TRICKY = " +*%&=?/#@!$'()[],;:\"<>\\^`{|}éß€\u0000\n\t😀𝄞";

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void decoding_an_encoded_string_gives_it_back(long seed) {
    String text = randomText(new Random(seed), UNRESERVED + TRICKY);

    assertThat(PercentEncoding.decode(PercentEncoding.encode(text), false)).isEqualTo(text);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void leaves_only_unreserved_characters_and_escapes(long seed) {
    String text = randomText(new Random(seed), UNRESERVED + TRICKY);

    assertThat(PercentEncoding.encode(text)).matches("([A-Za-z0-9._~-]|%[0-9A-F]{2})*");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void never_encodes_an_unreserved_character(long seed) {
    String text = randomText(new Random(seed), UNRESERVED);

    assertThat(PercentEncoding.encode(text)).isEqualTo(text);
  }

  @Test
  @DisplayName("RFC 5849 §3.6: space is %20 (not +), '*' and '+' are encoded, '~' is not, hex is upper case")
  void encodes_the_characters_url_encoder_gets_wrong() {
    assertThat(PercentEncoding.encode("a b*c+d~e/é")).isEqualTo("a%20b%2Ac%2Bd~e%2F%C3%A9");
  }

  @Test
  void decodes_plus_as_space_only_for_form_encoded_text() {
    assertThat(PercentEncoding.decode("2+q", true)).isEqualTo("2 q");
    assertThat(PercentEncoding.decode("2+q", false)).isEqualTo("2+q");
  }

  @Test
  void rejects_broken_escapes() {
    assertThatThrownBy(() -> PercentEncoding.decode("%4", false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PercentEncoding.decode("%zz", false)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Up to 40 code points drawn from {@code alphabet}; a surrogate pair is drawn as one character. */
  private static String randomText(Random random, String alphabet) {
    int[] codePoints = alphabet.codePoints().toArray();
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(41);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return text.toString();
  }
}
