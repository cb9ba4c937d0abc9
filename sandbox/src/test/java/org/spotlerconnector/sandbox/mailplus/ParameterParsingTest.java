package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterParsingTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 74, 2024})
  @DisplayName("spotler-api.md §7.4: an ISO date-time with an offset means that instant, whatever its notation")
  void reads_offset_date_times(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 300; i++) {
      long epochSecond = (long) (random.nextDouble() * 4_000_000_000L);
      int offsetQuarters = random.nextInt(26 * 4 + 1) - 12 * 4;
      OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.ofTotalSeconds(offsetQuarters * 900));
      String colon = time.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS) + time.getOffset().getId();
      String compact = colon.replaceAll("([+-]\\d\\d):(\\d\\d)$", "$1$2");

      assertThat(IsoDateTimes.parse(colon, AMSTERDAM).toInstant().getEpochSecond()).as("seed %d: %s", seed, colon).isEqualTo(epochSecond);
      assertThat(IsoDateTimes.parse(compact, AMSTERDAM).toInstant().getEpochSecond()).as("seed %d: %s", seed, compact).isEqualTo(epochSecond);
    }
  }

  @Test
  @DisplayName("spotler-api.md §7.4: 'yyyy-mm-ddThh:mm:ss' without offset is read in the account's zone")
  void reads_local_date_times_in_the_account_zone() {
    assertThat(IsoDateTimes.parse("2024-05-01T10:00:00", AMSTERDAM).toOffsetDateTime())
        .isEqualTo(OffsetDateTime.of(LocalDateTime.of(2024, 5, 1, 10, 0), ZoneOffset.ofHours(2)));
    assertThat(IsoDateTimes.parse("2024-05-01T10:00:00.123", AMSTERDAM).getNano()).isEqualTo(123_000_000);
  }

  @Test
  @DisplayName("spotler-api.md §7.4: an unencoded '+' arrives as a space and is not a date; nor is a bare date")
  void refuses_malformed_date_times() {
    for (String text : new String[] {"2024-05-01T10:00:00 02:00", "2024-05-01", "01-05-2024T10:00:00", "", "now"}) {
      assertThatThrownBy(() -> IsoDateTimes.parse(text, AMSTERDAM)).as(text).isInstanceOf(DateTimeParseException.class);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 64})
  @DisplayName("spotler-api.md §2.2: an int property takes any whole number, as a JSON number or as digits in a string")
  void reads_int_properties(long seed) {
    PropertyDefinition definition = PropertyDefinition.of("n", "N", PropertyType.INT);
    Random random = new Random(seed);
    for (int i = 0; i < 300; i++) {
      long value = random.nextBoolean() ? random.nextLong() : random.nextInt(2000) - 1000;

      assertThat(PropertyValues.parse(definition, NODES.numberNode(value), AMSTERDAM)).as("seed %d", seed).isEqualTo(new PropertyChange.Assign(value));
      assertThat(PropertyValues.parse(definition, NODES.textNode(Long.toString(value)), AMSTERDAM)).as("seed %d", seed).isEqualTo(new PropertyChange.Assign(value));
    }
  }

  @Test
  @DisplayName("spotler-api.md §2.2: postcode follows the Dutch pattern TT checks; gender is M/F")
  void checks_postcode_and_gender() {
    PropertyDefinition postcode = PropertyDefinition.of("p", "P", PropertyType.POSTCODE);
    PropertyDefinition gender = PropertyDefinition.of("g", "G", PropertyType.GENDER);

    assertThat(PropertyValues.parse(postcode, NODES.textNode("1234AB"), AMSTERDAM)).isInstanceOf(PropertyChange.Assign.class);
    assertThat(PropertyValues.parse(gender, NODES.textNode("f"), AMSTERDAM)).isEqualTo(new PropertyChange.Assign("F"));
    assertThatThrownBy(() -> PropertyValues.parse(postcode, NODES.textNode("0123 AB"), AMSTERDAM)).isInstanceOf(InvalidPropertyException.class);
    assertThatThrownBy(() -> PropertyValues.parse(gender, NODES.textNode("MALE"), AMSTERDAM)).isInstanceOf(InvalidPropertyException.class);
  }

  @Test
  @DisplayName("spotler-api.md §2.3: a set value mentions bits; later entries for the same bit win")
  void reads_set_values() {
    PropertyDefinition permissions = DefaultProperties.dutchAccount().stream().filter(d -> d.name().equals("permissions")).findFirst().orElseThrow();
    var array = NODES.arrayNode();
    array.addObject().put("bit", 1).put("enabled", true);
    array.addObject().put("bit", 4).put("enabled", false).put("description", "ignored");
    array.addObject().put("bit", 1).put("enabled", false);

    PropertyChange change = PropertyValues.parse(permissions, array, AMSTERDAM);

    assertThat(change).isEqualTo(new PropertyChange.SetBits(5, 0));
    assertThat(((PropertyChange.SetBits) change).applyTo(0b1111)).isEqualTo(0b1010);
  }
}
