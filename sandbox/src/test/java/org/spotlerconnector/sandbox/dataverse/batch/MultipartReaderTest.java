package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

  private static List<MimePart> read(String body, String boundary) {
    return MultipartReader.read(body.getBytes(StandardCharsets.UTF_8), boundary);
  }

  private static String content(MimePart part) {
    return new String(part.content(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: parts are delimited by --boundary and the body ends with --boundary--")
  void splits_a_crlf_body_into_its_parts() {
    String body = "--b1\r\nContent-Type: application/http\r\n\r\nGET a HTTP/1.1\r\n\r\n"
        + "--b1\r\nContent-Type: application/http\r\n\r\nGET b HTTP/1.1\r\n\r\n--b1--\r\n";

    List<MimePart> parts = read(body, "b1");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).header("content-type")).contains("application/http");
    assertThat(content(parts.get(0))).isEqualTo("GET a HTTP/1.1\r\n");
    assertThat(content(parts.get(1))).isEqualTo("GET b HTTP/1.1\r\n");
  }

  @Test
  void accepts_bare_line_feeds_as_some_clients_send() {
    String body = "--b1\nContent-Type: application/http\n\nPOST a HTTP/1.1\n\n{\"x\":1}\n--b1--\n";

    List<MimePart> parts = read(body, "b1");

    assertThat(parts).singleElement().satisfies(p -> assertThat(content(p)).isEqualTo("POST a HTTP/1.1\n\n{\"x\":1}"));
  }

  @Test
  void ignores_preamble_epilogue_and_padding_after_a_delimiter() {
    String body = "preamble\r\n--b1 \t\r\nContent-Type: application/http\r\n\r\nX\r\n--b1--  \r\nepilogue";

    assertThat(read(body, "b1")).singleElement().satisfies(p -> assertThat(content(p)).isEqualTo("X"));
  }

  @Test
  void accepts_a_header_value_written_without_a_space_after_the_colon() {
    String body = "--b1\r\nContent-Type:application/http\r\nContent-Transfer-Encoding:binary\r\n\r\nX\r\n--b1--";

    MimePart part = read(body, "b1").get(0);

    assertThat(part.header("Content-Transfer-Encoding")).contains("binary");
    assertThat(part.contentType().mediaType()).isEqualTo("application/http");
  }

  @Test
  void keeps_utf8_bodies_byte_for_byte() {
    String body = "--b1\r\nContent-Type: application/http\r\n\r\n{\"name\":\"Zoë Ødegård 日本\"}\r\n--b1--";

    assertThat(content(read(body, "b1").get(0))).isEqualTo("{\"name\":\"Zoë Ødegård 日本\"}");
  }

  @Test
  void does_not_mistake_a_line_that_only_starts_with_the_delimiter_for_one() {
    String body = "--b1\r\nContent-Type: application/http\r\n\r\n--b1x is data\r\n--b1--";

    assertThat(content(read(body, "b1").get(0))).isEqualTo("--b1x is data");
  }

  @Test
  void rejects_a_body_without_the_boundary() {
    assertThatThrownBy(() -> read("just some garbage", "b1"))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("--b1");
  }

  @Test
  void rejects_a_body_without_the_closing_delimiter() {
    assertThatThrownBy(() -> read("--b1\r\nContent-Type: application/http\r\n\r\nGET a HTTP/1.1\r\n", "b1"))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("--b1--");
  }

  @Test
  void rejects_a_part_header_that_is_not_name_colon_value() {
    assertThatThrownBy(() -> read("--b1\r\nnot a header\r\n\r\nX\r\n--b1--", "b1"))
        .isInstanceOf(MalformedBatchException.class);
  }

  @RepeatedTest(200)
  void reads_back_any_parts_written_with_either_line_ending(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    List<String> bodies = partBodies(random);
    String eol = random.nextBoolean() ? "\r\n" : "\n";
    StringBuilder body = new StringBuilder("preamble" + eol);
    for (String partBody : bodies) {
      body.append("--batch_q").append(eol).append("Content-Type: application/http").append(eol).append(eol)
          .append(partBody).append(eol);
    }
    body.append("--batch_q--").append(eol);

    List<MimePart> parts = read(body.toString(), "batch_q");

    assertThat(parts).as("seed %d", repetition.getCurrentRepetition())
        .extracting(MultipartReaderTest::content).containsExactlyElementsOf(bodies);
  }

  @RepeatedTest(300)
  void never_fails_with_anything_but_a_malformed_batch(RepetitionInfo repetition) {
    String body = garbage(new Random(repetition.getCurrentRepetition()));
    try {
      read(body, "b");
    } catch (MalformedBatchException expected) {
      // the only failure a client can cause
    }
  }

  private static List<String> partBodies(Random random) {
    List<String> bodies = new ArrayList<>();
    int parts = random.nextInt(6);
    for (int p = 0; p < parts; p++) {
      List<String> lines = new ArrayList<>();
      int lineCount = random.nextInt(5);
      for (int l = 0; l < lineCount; l++) {
        String line;
        do {
          line = randomString(random, " ~\t\u00e9\u20ac", 40);
        } while (line.startsWith("--batch_q"));
        lines.add(line);
      }
      bodies.add(String.join("\r\n", lines));
    }
    return bodies;
  }

  private static String garbage(Random random) {
    if (random.nextBoolean()) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(201);
      for (int i = 0; i < length; i++) {
        s.append((char) random.nextInt(0xD800));
      }
      return s.toString();
    }
    String alphabet = "-b\r\n: x";
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(81);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** Printable ASCII plus the given extra characters (the first two characters of extra give the ASCII range). */
  private static String randomString(Random random, String rangeAndExtras, int maxLength) {
    char from = rangeAndExtras.charAt(0);
    char to = rangeAndExtras.charAt(1);
    String extras = rangeAndExtras.substring(2);
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      if (!extras.isEmpty() && random.nextInt(10) == 0) {
        s.append(extras.charAt(random.nextInt(extras.length())));
      } else {
        s.append((char) (from + random.nextInt(to - from + 1)));
      }
    }
    return s.toString();
  }
}
