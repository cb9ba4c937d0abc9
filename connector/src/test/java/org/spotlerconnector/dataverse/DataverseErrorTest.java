package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataverseErrorTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void reads_code_and_message_of_the_documented_error_json() {
    // dataverse-api.md §2.2: {"error":{"code":"0x80040265","message":"…", "@Microsoft.PowerApps.CDS…": …}}
    byte[] body = utf8("{\"error\":{\"code\":\"0x80040265\",\"message\":\"Example Error Message.\","
        + "\"@Microsoft.PowerApps.CDS.ErrorDetails.OperationStatus\":\"1\"}}");

    DataverseError error = DataverseError.parse(400, body, "req-1");

    assertThat(error).isEqualTo(new DataverseError(400, "0x80040265", "Example Error Message.", "req-1"));
  }

  @Test
  void an_empty_code_is_kept_empty() {
    // §2.2: the 404 of a missing record comes with code ""
    byte[] body = utf8("{\"error\":{\"code\":\"\",\"message\":\"account With Id = 00000000-0000-0000-0000-000000000001"
        + " Does Not Exist\"}}");

    DataverseException exception = DataverseError.parse(404, body, null).toException();

    assertThat(exception).isInstanceOf(NotFoundException.class);
    assertThat(exception.errorCode()).isEmpty();
    assertThat(exception.serviceMessage()).endsWith("Does Not Exist");
    assertThat(exception.getMessage()).isEqualTo(
        "Dataverse answered 404: account With Id = 00000000-0000-0000-0000-000000000001 Does Not Exist");
  }

  @Test
  void each_status_maps_to_its_exception_type() {
    byte[] body = utf8("{\"error\":{\"code\":\"\",\"message\":\"x\"}}");

    assertThat(DataverseError.parse(400, body, "").toException()).isExactlyInstanceOf(BadRequestException.class);
    assertThat(DataverseError.parse(401, body, "").toException()).isExactlyInstanceOf(AccessDeniedException.class);
    assertThat(DataverseError.parse(403, body, "").toException()).isExactlyInstanceOf(AccessDeniedException.class);
    assertThat(DataverseError.parse(404, body, "").toException()).isExactlyInstanceOf(NotFoundException.class);
    assertThat(DataverseError.parse(412, body, "").toException())
        .isExactlyInstanceOf(PreconditionFailedException.class);
    assertThat(DataverseError.parse(405, body, "").toException()).isExactlyInstanceOf(DataverseException.class);
  }

  @Test
  void a_body_that_is_not_error_json_becomes_a_shortened_message() {
    String html = "<html>" + "x".repeat(1_000) + "</html>";

    DataverseError error = DataverseError.parse(502, utf8(html), "");

    assertThat(error.code()).isEmpty();
    assertThat(error.message()).startsWith("<html>").hasSizeLessThan(310);
  }

  @Test
  void an_empty_body_gives_an_empty_message() {
    assertThat(DataverseError.parse(404, new byte[0], "").message()).isEmpty();
    assertThat(DataverseError.parse(404, null, "").message()).isEmpty();
  }
}
