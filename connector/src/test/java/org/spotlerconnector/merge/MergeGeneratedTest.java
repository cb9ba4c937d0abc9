package org.spotlerconnector.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotlerconnector.mapping.Direction;

/**
 * The merge's promises checked on many generated records per seed (docs/adr/0002); a failure names its seed and
 * case. Values are drawn from small pools so that sides often agree, often differ, and blanks and equal numbers come
 * in every form.
 */
class MergeGeneratedTest {
  private static final int RECORDS_PER_SEED = 400;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long[] BITS = {1, 2, 4};

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10);
  }

  /** One generated record: its fields and the three versions of its values. */
  private record Case(
      List<MergeField> fields, Optional<ObjectNode> base, ObjectNode dynamics, ObjectNode spotler, ChangeTimes times) {
    RecordMergeResult merge() {
      return RecordMerge.merge(
          fields, base.map(ObjectNode::deepCopy), dynamics.deepCopy(), spotler.deepCopy(), times);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void merging_is_deterministic(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < RECORDS_PER_SEED; i++) {
      Case record = record(random);
      RecordMergeResult first = record.merge();
      RecordMergeResult second = record.merge();
      String what = "seed " + seed + ", case " + i;
      assertThat(second.toDynamics()).as(what).isEqualTo(first.toDynamics());
      assertThat(second.toSpotler()).as(what).isEqualTo(first.toSpotler());
      assertThat(second.newBase()).as(what).isEqualTo(first.newBase());
      assertThat(second.conflicts()).as(what).isEqualTo(first.conflicts());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_change_on_one_side_only_is_the_result_when_its_direction_lets_it_flow(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < RECORDS_PER_SEED; i++) {
      Case record = record(random);
      RecordMergeResult result = record.merge();
      ObjectNode dynamicsAfter = applied(record.dynamics(), result.toDynamics());
      ObjectNode spotlerAfter = applied(record.spotler(), result.toSpotler());
      for (MergeField field : record.fields()) {
        Optional<JsonNode> base = baseOf(record, field);
        if (base.isEmpty() || SpotlerValues.isSet(record.dynamics().get(field.name()))
            || SpotlerValues.isSet(record.spotler().get(field.name()))) {
          continue;
        }
        String what = "seed " + seed + ", case " + i + ", field " + field;
        JsonNode dynamics = record.dynamics().get(field.name());
        JsonNode spotler = record.spotler().get(field.name());
        boolean dynamicsChanged = !SpotlerValues.same(dynamics, base.get());
        boolean spotlerChanged = !SpotlerValues.same(spotler, base.get());
        if (dynamicsChanged && !spotlerChanged && field.direction().outbound()) {
          assertSame(what, spotlerAfter.get(field.name()), dynamics);
          assertSame(what, result.newBase().get(field.name()), dynamics);
        }
        if (spotlerChanged && !dynamicsChanged && field.direction().inbound()) {
          assertSame(what, dynamicsAfter.get(field.name()), spotler);
          assertSame(what, result.newBase().get(field.name()), spotler);
        }
        if (!dynamicsChanged && spotlerChanged && !field.direction().inbound()
            || !spotlerChanged && dynamicsChanged && !field.direction().outbound()) {
          assertThat(result.toDynamics().has(field.name())).as(what).isFalse();
          assertThat(result.toSpotler().has(field.name())).as(what).isFalse();
          assertSame(what, result.newBase().get(field.name()), base.get());
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void after_the_writes_both_sides_and_the_new_base_agree_on_every_two_way_field(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < RECORDS_PER_SEED; i++) {
      Case record = record(random);
      RecordMergeResult result = record.merge();
      ObjectNode dynamicsAfter = applied(record.dynamics(), result.toDynamics());
      ObjectNode spotlerAfter = applied(record.spotler(), result.toSpotler());
      for (MergeField field : record.fields()) {
        String what = "seed " + seed + ", case " + i + ", field " + field;
        if (field.direction() == Direction.BOTH) {
          assertSame(what, dynamicsAfter.get(field.name()), spotlerAfter.get(field.name()));
          assertSame(what, result.newBase().get(field.name()), spotlerAfter.get(field.name()));
        }
        if (!field.direction().inbound()) {
          assertThat(result.toDynamics().has(field.name())).as(what + " written to Dynamics").isFalse();
        }
        if (!field.direction().outbound()) {
          assertThat(result.toSpotler().has(field.name())).as(what + " sent to Spotler").isFalse();
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void no_change_that_may_flow_is_lost_without_a_recorded_conflict(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < RECORDS_PER_SEED; i++) {
      Case record = record(random);
      RecordMergeResult result = record.merge();
      ObjectNode dynamicsAfter = applied(record.dynamics(), result.toDynamics());
      ObjectNode spotlerAfter = applied(record.spotler(), result.toSpotler());
      for (MergeField field : record.fields()) {
        Optional<JsonNode> base = baseOf(record, field);
        if (base.isEmpty()) {
          continue;
        }
        String what = "seed " + seed + ", case " + i + ", field " + field;
        boolean conflictRecorded = result.conflicts().stream().anyMatch(c -> c.field().equals(field.name()));
        for (Map<String, JsonNode> unit : comparableUnits(record, field, base.get(), dynamicsAfter, spotlerAfter)) {
          JsonNode was = unit.get("base");
          if (field.direction().outbound() && !SpotlerValues.same(unit.get("dynamics"), was)) {
            assertThat(SpotlerValues.same(unit.get("spotlerAfter"), unit.get("dynamics")) || conflictRecorded)
                .as(what + ": Dynamics' change " + unit.get("unit") + " reached Spotler or is a conflict")
                .isTrue();
          }
          if (field.direction().inbound() && !SpotlerValues.same(unit.get("spotler"), was)) {
            assertThat(SpotlerValues.same(unit.get("dynamicsAfter"), unit.get("spotler")) || conflictRecorded)
                .as(what + ": Spotler's change " + unit.get("unit") + " reached Dynamics or is a conflict")
                .isTrue();
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void merging_the_merged_state_again_writes_nothing_and_finds_no_conflict(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < RECORDS_PER_SEED; i++) {
      Case record = record(random);
      RecordMergeResult result = record.merge();
      Case echoed =
          new Case(
              record.fields(),
              Optional.of(result.newBase()),
              applied(record.dynamics(), result.toDynamics()),
              applied(record.spotler(), result.toSpotler()),
              record.times());
      RecordMergeResult again = echoed.merge();
      String what = "seed " + seed + ", case " + i;
      assertThat(again.toDynamics()).as(what).isEmpty();
      assertThat(again.toSpotler()).as(what).isEmpty();
      assertThat(again.conflicts()).as(what).isEmpty();
      for (MergeField field : record.fields()) {
        assertSame(what + ", field " + field, again.newBase().get(field.name()), result.newBase().get(field.name()));
      }
    }
  }

  /**
   * What a change is judged on: the field's value, or for a set field each bit (sets merge bit by bit). Each unit maps
   * base, dynamics, spotler, dynamicsAfter and spotlerAfter to its value, and unit to its name.
   */
  private static List<Map<String, JsonNode>> comparableUnits(
      Case record, MergeField field, JsonNode base, ObjectNode dynamicsAfter, ObjectNode spotlerAfter) {
    String name = field.name();
    List<JsonNode> values =
        List.of(
            base,
            nullToMissing(record.dynamics().get(name)),
            nullToMissing(record.spotler().get(name)),
            nullToMissing(dynamicsAfter.get(name)),
            nullToMissing(spotlerAfter.get(name)));
    boolean set = values.stream().anyMatch(SpotlerValues::isSet);
    if (!set) {
      return List.of(unit(TextNode.valueOf(name), values));
    }
    List<Map<String, JsonNode>> units = new ArrayList<>();
    for (long bit : BITS) {
      List<JsonNode> bitValues =
          values.stream()
              .map(value -> (JsonNode) NODES.booleanNode(SpotlerValues.bits(value).getOrDefault(bit, false)))
              .toList();
      units.add(unit(TextNode.valueOf(name + "[" + bit + "]"), bitValues));
    }
    return units;
  }

  private static Map<String, JsonNode> unit(JsonNode name, List<JsonNode> values) {
    return Map.of(
        "unit", name,
        "base", values.get(0),
        "dynamics", values.get(1),
        "spotler", values.get(2),
        "dynamicsAfter", values.get(3),
        "spotlerAfter", values.get(4));
  }

  private static JsonNode nullToMissing(JsonNode value) {
    return value == null ? NullNode.getInstance() : value;
  }

  private static Optional<JsonNode> baseOf(Case record, MergeField field) {
    return record.base().map(base -> base.get(field.name()));
  }

  private static ObjectNode applied(ObjectNode side, ObjectNode writes) {
    ObjectNode after = side.deepCopy();
    after.setAll(writes.deepCopy());
    return after;
  }

  private static void assertSame(String what, JsonNode actual, JsonNode expected) {
    assertThat(SpotlerValues.same(actual, expected)).as("%s: %s same as %s", what, actual, expected).isTrue();
  }

  // ---- generators

  private enum Kind {
    TEXT,
    NUMBER,
    SET
  }

  private static Case record(Random random) {
    int fieldCount = 1 + random.nextInt(5);
    List<MergeField> fields = new ArrayList<>();
    List<Kind> kinds = new ArrayList<>();
    for (int f = 0; f < fieldCount; f++) {
      Direction direction = Direction.values()[random.nextInt(Direction.values().length)];
      ConflictRule rule = ConflictRule.values()[random.nextInt(ConflictRule.values().length)];
      fields.add(new MergeField("field" + f, direction, rule));
      kinds.add(Kind.values()[random.nextInt(Kind.values().length)]);
    }
    boolean synced = random.nextInt(10) > 0;
    ObjectNode base = NODES.objectNode();
    ObjectNode dynamics = NODES.objectNode();
    ObjectNode spotler = NODES.objectNode();
    for (int f = 0; f < fieldCount; f++) {
      String name = fields.get(f).name();
      Kind kind = kinds.get(f);
      JsonNode baseValue = value(random, kind);
      if (random.nextInt(10) > 0) {
        putUnlessAbsent(base, name, baseValue);
      }
      putUnlessAbsent(dynamics, name, random.nextInt(5) < 2 ? equivalent(random, baseValue) : value(random, kind));
      putUnlessAbsent(spotler, name, random.nextInt(5) < 2 ? equivalent(random, baseValue) : value(random, kind));
    }
    ChangeTimes times =
        random.nextInt(8) == 0
            ? ChangeTimes.unknown()
            : ChangeTimes.of(Instant.ofEpochSecond(random.nextInt(3)), Instant.ofEpochSecond(random.nextInt(3)));
    return new Case(fields, synced ? Optional.of(base) : Optional.empty(), dynamics, spotler, times);
  }

  /** Java null stands for a property the object does not have. */
  private static void putUnlessAbsent(ObjectNode object, String name, JsonNode value) {
    if (value != null) {
      object.set(name, value);
    }
  }

  private static JsonNode value(Random random, Kind kind) {
    if (random.nextInt(5) == 0) {
      return blank(random);
    }
    return switch (kind) {
      case TEXT -> TextNode.valueOf(List.of("Jan", "jan", "Piet", "Jan ").get(random.nextInt(4)));
      case NUMBER -> NODES.numberNode(new BigDecimal(List.of("1", "1.0", "2.5", "2.50", "3").get(random.nextInt(5))));
      case SET -> set(random);
    };
  }

  private static JsonNode blank(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> NullNode.getInstance();
      default -> TextNode.valueOf("");
    };
  }

  private static ArrayNode set(Random random) {
    List<Long> bits = new ArrayList<>();
    for (long bit : BITS) {
      if (random.nextBoolean()) {
        bits.add(bit);
      }
    }
    Collections.shuffle(bits, random);
    ArrayNode set = NODES.arrayNode();
    for (long bit : bits) {
      ObjectNode entry = set.addObject().put("bit", bit).put("enabled", random.nextInt(3) > 0);
      if (random.nextBoolean()) {
        entry.put("description", "Nieuwsbrief " + bit);
      }
    }
    return set;
  }

  /** The same value in another form: another blank, the number with more decimals, the set reordered. */
  private static JsonNode equivalent(Random random, JsonNode value) {
    if (SpotlerValues.isBlank(value) && !SpotlerValues.isSet(value)) {
      return blank(random);
    }
    if (value.isNumber()) {
      return NODES.numberNode(value.decimalValue().setScale(value.decimalValue().scale() + random.nextInt(2)));
    }
    if (value.isArray()) {
      List<JsonNode> entries = new ArrayList<>();
      value.forEach(entries::add);
      Collections.shuffle(entries, random);
      ArrayNode reordered = NODES.arrayNode();
      entries.forEach(entry -> reordered.add(entry.deepCopy()));
      return reordered;
    }
    return value.deepCopy();
  }
}
