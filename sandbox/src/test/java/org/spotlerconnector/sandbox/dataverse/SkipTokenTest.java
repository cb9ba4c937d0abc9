package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spotlerconnector.sandbox.http.Json;

class SkipTokenTest {
  private static final TableDefinition CONTACT = BuiltInTables.contact();

  @Test
  void looks_like_a_dataverse_paging_cookie() {
    UUID id = UUID.fromString("d5026a4d-0000-0000-0000-000000000001");
    Row row = new Row(id, 5, Json.object().put("contactid", id.toString()));

    String token = PagingCookie.skipToken(2, CONTACT, List.of(), row, row, null);

    assertThat(token)
        .startsWith("<cookie pagenumber=\"2\" pagingcookie=\"%253Ccookie%2520page%253D%25221%2522%253E%253Ccontactid%2520last%253D%2522%257BD5026A4D-")
        .endsWith("istracking=\"False\" />");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void reads_back_the_last_row_of_any_page(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 100; i++) {
      UUID id = new UUID(random.nextLong(), random.nextLong());
      ObjectNode values = Json.object().put("contactid", id.toString());
      if (random.nextBoolean()) {
        values.put("lastname", "O'Brien & \"<Sons>\" %25 " + random.nextInt());
      }
      values.put("gendercode", 1 + random.nextInt(2));
      Row row = new Row(id, 1, values);
      Long version = random.nextBoolean() ? null : random.nextLong() & Long.MAX_VALUE;

      String token = PagingCookie.skipToken(3, CONTACT, List.of("lastname", "gendercode"), row, row, version);
      PagingCookie cookie = PagingCookie.parse(token, CONTACT, List.of("lastname", "gendercode"));

      assertThat(cookie.pageNumber()).isEqualTo(3);
      assertThat(cookie.lastId()).isEqualTo(id);
      assertThat(cookie.trackingVersion()).isEqualTo(version);
      assertThat(cookie.last().path("lastname")).isEqualTo(values.path("lastname"));
      assertThat(cookie.last().path("gendercode")).isEqualTo(values.path("gendercode"));
    }
  }

  @Test
  void refuses_a_token_for_another_ordering() {
    UUID id = UUID.randomUUID();
    Row row = new Row(id, 1, Json.object().put("contactid", id.toString()).put("lastname", "x"));
    String token = PagingCookie.skipToken(2, CONTACT, List.of("lastname"), row, row, null);

    assertThatThrownBy(() -> PagingCookie.parse(token, CONTACT, List.of()))
        .isInstanceOfSatisfying(DataverseException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> PagingCookie.parse(token, CONTACT, List.of("firstname"))).isInstanceOf(DataverseException.class);
  }

  @Test
  void delta_tokens_read_back() {
    DeltaToken token = new DeltaToken(919042, Instant.parse("2017-08-22T08:10:44Z"));

    assertThat(token.text()).isEqualTo("919042!08/22/2017 08:10:44");
    assertThat(DeltaToken.parse(token.text())).isEqualTo(token);
    assertThatThrownBy(() -> DeltaToken.parse("919042")).isInstanceOf(DataverseException.class);
  }
}
