package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotlerconnector.mapping.GeneratedColumns.DataverseValue;

class SpotlerValueNormaliserTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SpotlerValueNormaliser normaliser = new SpotlerValueNormaliser(AMSTERDAM);

  private JsonNode normalise(SpotlerPropertyType type, JsonNode value) {
    return normaliser.normalise(type, value);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void reads_dates_from_epoch_millis_or_iso_as_the_day_in_the_configured_zone() {
    assertThat(normalise(SpotlerPropertyType.DATE, NODES.numberNode(1646650153000L)))
        .isEqualTo(TextNode.valueOf("2022-03-07"));
    assertThat(normalise(SpotlerPropertyType.BIRTHDATE, NODES.numberNode(-142131600000L)))
        .as("before 1970")
        .isEqualTo(TextNode.valueOf("1965-07-01"));
    assertThat(normalise(SpotlerPropertyType.BIRTHDATE, TextNode.valueOf("-142131600000")))
        .isEqualTo(TextNode.valueOf("1965-07-01"));
    assertThat(normalise(SpotlerPropertyType.DATE, TextNode.valueOf("2022-03-07")))
        .isEqualTo(TextNode.valueOf("2022-03-07"));
    assertThat(normalise(SpotlerPropertyType.DATE, TextNode.valueOf("2022-03-06T23:30:00Z")))
        .isEqualTo(TextNode.valueOf("2022-03-07"));
  }

  @Test
  void reads_date_times_from_epoch_millis_or_iso_into_the_configured_zone() {
    JsonNode expected = TextNode.valueOf("2022-03-07T11:49:13+01:00");

    assertThat(normalise(SpotlerPropertyType.DATE_TIME, NODES.numberNode(1646650153000L))).isEqualTo(expected);
    assertThat(normalise(SpotlerPropertyType.DATE_TIME, TextNode.valueOf("1646650153000"))).isEqualTo(expected);
    assertThat(normalise(SpotlerPropertyType.DATE_TIME, TextNode.valueOf("2022-03-07T10:49:13Z"))).isEqualTo(expected);
    assertThat(normalise(SpotlerPropertyType.DATE_TIME, TextNode.valueOf("2022-03-07T10:49:13.000+00:00")))
        .isEqualTo(expected);
    assertThat(normalise(SpotlerPropertyType.DATE_TIME, TextNode.valueOf("2022-03-07T11:49:13")))
        .as("without an offset: in the configured zone")
        .isEqualTo(expected);
  }

  @Test
  void refuses_what_is_no_date_without_quoting_it() {
    assertThatThrownBy(() -> normalise(SpotlerPropertyType.DATE, TextNode.valueOf("07-03-2022")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a date such as 1990-05-20, or epoch milliseconds");
    assertThatThrownBy(() -> normalise(SpotlerPropertyType.DATE, TextNode.valueOf("20220307")))
        .as("a compact date is not read as milliseconds in 1970")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reads_numbers_from_numbers_or_strings() {
    assertThat(normalise(SpotlerPropertyType.INT, TextNode.valueOf("42"))).isEqualTo(NODES.numberNode(42L));
    assertThat(normalise(SpotlerPropertyType.INT, json("42.0"))).isEqualTo(NODES.numberNode(42L));
    assertThat(normalise(SpotlerPropertyType.MONEY, TextNode.valueOf(" 12.50 ")).decimalValue())
        .isEqualByComparingTo("12.5");
    assertThatThrownBy(() -> normalise(SpotlerPropertyType.INT, TextNode.valueOf("4.5")))
        .hasMessage("expected a whole number");
    assertThatThrownBy(() -> normalise(SpotlerPropertyType.MONEY, TextNode.valueOf("much")))
        .hasMessage("expected an amount such as 12.50");
  }

  @Test
  void reads_gender_words_as_m_or_f_and_clears_anything_else() {
    assertThat(normalise(SpotlerPropertyType.GENDER, TextNode.valueOf("M"))).isEqualTo(TextNode.valueOf("M"));
    assertThat(normalise(SpotlerPropertyType.GENDER, TextNode.valueOf("MALE"))).isEqualTo(TextNode.valueOf("M"));
    assertThat(normalise(SpotlerPropertyType.GENDER, TextNode.valueOf("female"))).isEqualTo(TextNode.valueOf("F"));
    assertThat(normalise(SpotlerPropertyType.GENDER, TextNode.valueOf("X"))).isEqualTo(NullNode.getInstance());
  }

  @Test
  void reads_a_set_as_one_entry_per_bit_in_bit_order_without_descriptions() {
    assertThat(
            normalise(
                SpotlerPropertyType.SET,
                json("[{'bit':2,'enabled':true,'description':'Aanbiedingen'},{'bit':1,'enabled':false},{'x':1}]")))
        .isEqualTo(json("[{'bit':1,'enabled':false},{'bit':2,'enabled':true}]"));
  }

  @Test
  void clears_a_field_the_contact_has_no_value_for() {
    assertThat(normalise(SpotlerPropertyType.STRING, null)).isEqualTo(TextNode.valueOf(""));
    assertThat(normalise(SpotlerPropertyType.EMAIL, NullNode.getInstance())).isEqualTo(TextNode.valueOf(""));
    assertThat(normalise(SpotlerPropertyType.DATE, null)).isEqualTo(NullNode.getInstance());
    assertThat(normalise(SpotlerPropertyType.SET, null)).isEqualTo(NullNode.getInstance());
  }

  @Test
  void normalises_every_mapped_field_of_a_contact_naming_the_field_that_fails() {
    List<SpotlerProperty> fields =
        List.of(
            new SpotlerProperty("firstName", SpotlerPropertyType.STRING),
            new SpotlerProperty("birthday", SpotlerPropertyType.BIRTHDATE),
            new SpotlerProperty("numberOfOrders", SpotlerPropertyType.INT));

    Map<String, JsonNode> properties = Map.of("firstName", TextNode.valueOf("Jan"), "other", TextNode.valueOf("x"));

    assertThat(normaliser.normalise(properties, fields))
        .isEqualTo(json("{'firstName':'Jan','birthday':null,'numberOfOrders':null}"));
    assertThatThrownBy(() -> normaliser.normalise(Map.of("numberOfOrders", TextNode.valueOf("many")), fields))
        .hasMessage("Spotler field 'numberOfOrders': expected a whole number");
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8);
  }

  /**
   * Every value outbound sends is already normalised, and every form the API may return it in (epoch millis, ISO in
   * another offset, numbers as strings, gender words) normalises back to it.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void normalises_every_api_form_of_a_value_to_the_form_outbound_sends(long seed) {
    Random random = new Random(seed);
    ZoneId zone = List.of(AMSTERDAM, ZoneId.of("America/Sao_Paulo"), ZoneId.of("UTC")).get((int) (seed % 3));
    ValueConverter outbound = new ValueConverter(zone);
    SpotlerValueNormaliser normaliserInZone = new SpotlerValueNormaliser(zone);
    for (SpotlerPropertyType type : SpotlerPropertyType.values()) {
      if (type == SpotlerPropertyType.SET) {
        continue;
      }
      for (int i = 0; i < 200; i++) {
        ColumnType source = sourceFor(type, random);
        ColumnMetadata column = GeneratedColumns.column(random, source);
        DataverseValue value = GeneratedColumns.value(random, column, type == SpotlerPropertyType.GENDER);
        JsonNode sent = outbound.convert(type, source, value.raw(), value.formatted());
        for (JsonNode form : apiForms(type, sent, zone)) {
          assertThat(sameJson(normaliserInZone.normalise(type, form), sent))
              .as("seed %d, %s: %s read back as %s", seed, type, form, normaliserInZone.normalise(type, form))
              .isTrue();
        }
      }
    }
  }

  private static ColumnType sourceFor(SpotlerPropertyType type, Random random) {
    return switch (type) {
      case GENDER -> ColumnType.TEXT;
      case INT -> ColumnType.WHOLE_NUMBER;
      case MONEY -> random.nextBoolean() ? ColumnType.MONEY : ColumnType.DECIMAL;
      case DATE, BIRTHDATE, DATE_TIME -> ColumnType.DATE_TIME;
      default -> ColumnType.TEXT;
    };
  }

  private static List<JsonNode> apiForms(SpotlerPropertyType type, JsonNode sent, ZoneId zone) {
    List<JsonNode> forms = new ArrayList<>(List.of(sent));
    if (sent.isNull() || sent.asText().isEmpty()) {
      forms.add(NullNode.getInstance());
      return forms;
    }
    switch (type) {
      case DATE, BIRTHDATE -> {
        ZonedDateTime midnight = ZonedText.read(sent.asText(), zone);
        forms.add(NODES.numberNode(midnight.toInstant().toEpochMilli()));
        forms.add(TextNode.valueOf(midnight.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
      }
      case DATE_TIME -> {
        ZonedDateTime moment = ZonedText.read(sent.asText(), zone);
        forms.add(NODES.numberNode(moment.toInstant().toEpochMilli()));
        forms.add(TextNode.valueOf(moment.withZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime().toString()));
      }
      case INT -> forms.add(TextNode.valueOf(sent.asText()));
      case MONEY -> forms.add(TextNode.valueOf(sent.decimalValue().setScale(6).toPlainString()));
      case GENDER -> forms.add(TextNode.valueOf(sent.asText().equals("M") ? "male" : "FEMALE"));
      default -> {
        // text is returned as sent
      }
    }
    return forms;
  }

  private static boolean sameJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
