package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypeTest {

  @Test
  void reads_a_quoted_boundary() {
    ContentType type = ContentType.parse("multipart/mixed; boundary=\"batch_80dd1615-2a10\"");

    assertThat(type.is("multipart/mixed")).isTrue();
    assertThat(type.boundary()).contains("batch_80dd1615-2a10");
  }

  @Test
  void reads_media_type_and_parameter_names_case_insensitively() {
    ContentType type = ContentType.parse("Multipart/Mixed;BOUNDARY=batch_AAA123");

    assertThat(type.is("multipart/mixed")).isTrue();
    assertThat(type.boundary()).contains("batch_AAA123");
  }

  @Test
  void has_no_boundary_when_none_or_an_empty_one_is_given() {
    assertThat(ContentType.parse("multipart/mixed").boundary()).isEmpty();
    assertThat(ContentType.parse("multipart/mixed; boundary=\"\"").boundary()).isEmpty();
  }
}
