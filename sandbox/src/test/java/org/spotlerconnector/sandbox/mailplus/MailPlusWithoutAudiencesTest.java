package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An account whose product has no audiences, configured when the emulator is built. */
class MailPlusWithoutAudiencesTest extends MailPlusHttpTest {

  @Override
  MailPlusEmulator.Builder configure(MailPlusEmulator.Builder builder) {
    return builder.audiences(false);
  }

  @Test
  @DisplayName("§5: Builder.audiences(false) is a product without audiences: 403 from the first call, contacts work")
  void answers_403_from_the_start() {
    Reply reply = post("/audience", "{\"externalId\":\"list-1\",\"name\":\"Newsletter\"}");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorType()).isEqualTo("NOT_AUTHORIZED");
    assertThat(emulator.audiences().available()).isFalse();
    assertThat(get("/contact/properties/list").status()).isEqualTo(200);
  }
}
