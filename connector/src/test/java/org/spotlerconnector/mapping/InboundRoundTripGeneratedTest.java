package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotlerconnector.mapping.GeneratedColumns.DataverseValue;

/**
 * For every pair of Spotler field type and Dataverse column type a mapping may write from Spotler: a value outbound
 * sends comes back out unchanged after going in, outbound(inbound(x)) = x. Seeded generators (docs/adr/0002); a
 * failure names its seed, pair and value.
 */
class InboundRoundTripGeneratedTest {
  private static final int CASES_PER_PAIR = 40;
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Amsterdam"), ZoneId.of("UTC"), ZoneId.of("America/Sao_Paulo"), ZoneId.of("Asia/Kolkata"));

  private record Pair(SpotlerPropertyType field, ColumnType column) {}

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8);
  }

  static List<Pair> supportedPairs() {
    List<Pair> pairs = new ArrayList<>();
    for (SpotlerPropertyType field : SpotlerPropertyType.values()) {
      for (ColumnType column : ColumnType.values()) {
        if (TypeCompatibility.mismatch(field, column).isEmpty() && InboundConverter.notWritable(column).isEmpty()) {
          pairs.add(new Pair(field, column));
        }
      }
    }
    return pairs;
  }

  @Test
  void covers_every_field_type_but_sets_and_every_column_type_written_from_spotler() {
    List<Pair> pairs = supportedPairs();

    assertThat(pairs)
        .extracting(Pair::field)
        .containsAll(Stream.of(SpotlerPropertyType.values()).filter(t -> t != SpotlerPropertyType.SET).toList());
    assertThat(pairs)
        .extracting(Pair::column)
        .containsAll(Stream.of(ColumnType.values()).filter(t -> InboundConverter.notWritable(t).isEmpty()).toList());
    assertThat(pairs).as("4 text types x 8 column types, and 11 typed pairs").hasSize(43);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void outbound_of_inbound_gives_back_every_value_outbound_sends(long seed) {
    Random random = new Random(seed);
    ZoneId zone = ZONES.get((int) (seed % ZONES.size()));
    ValueConverter outbound = new ValueConverter(zone);
    InboundConverter inbound = new InboundConverter(zone);
    for (Pair pair : supportedPairs()) {
      for (int i = 0; i < CASES_PER_PAIR; i++) {
        boolean gender = pair.field() == SpotlerPropertyType.GENDER;
        ColumnMetadata column =
            gender && pair.column() == ColumnType.CHOICE
                ? GeneratedColumns.genderChoice(random)
                : GeneratedColumns.column(random, pair.column());
        DataverseValue original = GeneratedColumns.value(random, column, gender);
        JsonNode sent = outbound.convert(pair.field(), pair.column(), original.raw(), original.formatted());

        JsonNode written = inbound.convert("field", pair.field(), column, sent);
        JsonNode sentAgain =
            outbound.convert(pair.field(), pair.column(), written, GeneratedColumns.formatted(column, written));

        assertThat(sameJson(sentAgain, sent))
            .as("seed %d, %s from %s %s: %s went in as %s and came out as %s",
                seed, pair.field(), pair.column(), column, sent, written, sentAgain)
            .isTrue();
      }
    }
  }

  private static boolean sameJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
