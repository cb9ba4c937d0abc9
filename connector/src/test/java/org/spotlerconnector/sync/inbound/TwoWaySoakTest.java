package org.spotlerconnector.sync.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/**
 * The bounded soak: 200 contacts, the connector running in the background, and for half a minute one person editing
 * the two-way fields in Dynamics 365 while another edits them in Spotler, at random, often the same contact. Then the
 * edits stop, the connector catches up, and both systems hold the same value in every two-way field (a field with a
 * recorded conflict holds its winner on both sides too); one more round writes nothing.
 */
class TwoWaySoakTest {
  private static final int CONTACTS = 200;
  private static final Duration EDITING = Duration.ofSeconds(30);
  private static final long SEED = 5;
  /** Spotler field and Dataverse column of every two-way row of the fixture's mapping. */
  private static final Map<String, String> TWO_WAY_FIELDS =
      Map.of("firstName", "firstname", "infix", "middlename", "phoneNumber", "telephone1", "street", "address1_line1",
          "birthday", "birthdate");
  private static final List<String> FIELDS = List.copyOf(new TreeSet<>(TWO_WAY_FIELDS.keySet()));

  @TempDir Path dir;
  private Sandbox sandbox;
  private TwoWayFixture fixture;
  /** The last value each side's editor wrote per record and field, with when. */
  private final Map<String, Edit> lastEdits = new ConcurrentHashMap<>();

  private record Edit(String value, Instant at) {}

  @BeforeEach
  void start() throws Exception {
    // Some seeded contacts are inactive or Do Not Email, so seed more than are synced
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(SEED, 1, CONTACTS * 110 / 100, 0, 0));
    fixture = new TwoWayFixture(sandbox, dir, "");
    fixture.syncBothWays();
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    sandbox.close();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void concurrent_edits_on_both_sides_end_with_both_systems_equal() throws Exception {
    List<String> ids = fixture.syncedContactIds().subList(0, CONTACTS);
    long dataverseMark = fixture.dataverseLog().lastSequence();
    long spotlerMark = fixture.spotlerLog().lastSequence();
    fixture.connector().start();

    AtomicBoolean editing = new AtomicBoolean(true);
    int[] dynamicsEdits = new int[1];
    int[] spotlerEdits = new int[1];
    Thread dynamics = new Thread(() -> dynamicsEdits[0] = edit(ids, editing, new Random(SEED), this::editDynamics));
    Thread spotler = new Thread(() -> spotlerEdits[0] = edit(ids, editing, new Random(SEED + 1), this::editSpotler));
    dynamics.start();
    spotler.start();
    Thread.sleep(EDITING.toMillis());
    editing.set(false);
    dynamics.join();
    spotler.join();

    Instant quiet = Instant.now();
    fixture.restart(); // stops the background flows; the same store, caught up in the foreground
    fixture.syncBothWays();
    fixture.syncBothWays();
    Duration catchUp = Duration.between(quiet, Instant.now());
    long dataverseWritten = fixture.dataverseWrites(dataverseMark).size();
    long spotlerWritten = fixture.spotlerWrites(spotlerMark).size();
    long dataverseAfter = fixture.dataverseLog().lastSequence();
    long spotlerAfter = fixture.spotlerLog().lastSequence();
    fixture.syncBothWays();

    Set<String> conflicted = new HashSet<>();
    fixture.conflicts().forEach(c -> conflicted.add(key(c.conflict().recordId(), c.conflict().field())));
    List<String> differences = new ArrayList<>();
    List<String> differencesWithoutConflict = new ArrayList<>();
    int notLastEdit = 0;
    for (String id : ids) {
      var row = fixture.row("contacts", id);
      for (Map.Entry<String, String> field : TWO_WAY_FIELDS.entrySet()) {
        String inDynamics = row.path(field.getValue()).asText("");
        String inSpotler = orEmpty(fixture.spotlerText(id, field.getKey()));
        String key = key(id, field.getKey());
        if (!inDynamics.equals(inSpotler)) {
          differences.add(key);
          if (!conflicted.contains(key)) {
            differencesWithoutConflict.add(key + ": " + inDynamics + " / " + inSpotler);
          }
        }
        Edit last = lastEdit(id, field.getKey());
        if (last != null && !last.value().equals(inDynamics) && !conflicted.contains(key)) {
          notLastEdit++;
        }
      }
    }
    System.out.printf(
        "two-way soak: %d contacts, %d s of edits: %d in Dynamics 365, %d in Spotler; connector writes %d to"
            + " Dataverse, %d to Spotler; %d conflicts recorded; caught up %d ms after the edits stopped;"
            + " %d fields differ (%d without a conflict); %d fields whose last edit did not win without a conflict%n",
        ids.size(), EDITING.toSeconds(), dynamicsEdits[0], spotlerEdits[0], dataverseWritten, spotlerWritten,
        conflicted.size(), catchUp.toMillis(), differences.size(), differencesWithoutConflict.size(), notLastEdit);

    assertThat(dynamicsEdits[0]).as("edits in Dynamics 365").isGreaterThan(100);
    assertThat(spotlerEdits[0]).as("edits in Spotler").isGreaterThan(100);
    assertThat(conflicted).as("concurrent edits of one field make conflicts").isNotEmpty();
    assertThat(differencesWithoutConflict).as("fields that differ without a recorded conflict").isEmpty();
    assertThat(fixture.dataverseWrites(dataverseAfter)).as("Dataverse writes once caught up").isEmpty();
    assertThat(fixture.spotlerWrites(spotlerAfter)).as("Spotler writes once caught up").isEmpty();
  }

  /** Edits random two-way fields of random contacts until told to stop; returns how many. */
  private int edit(List<String> ids, AtomicBoolean editing, Random random, FieldEditor editor) {
    int edits = 0;
    while (editing.get()) {
      String id = ids.get(random.nextInt(ids.size()));
      String field = FIELDS.get(random.nextInt(FIELDS.size()));
      String value = randomValue(field, random);
      editor.edit(id, field, value);
      edits++;
      try {
        Thread.sleep(random.nextInt(40));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return edits;
      }
    }
    return edits;
  }

  @FunctionalInterface
  private interface FieldEditor {
    void edit(String id, String field, String value);
  }

  private void editDynamics(String id, String field, String value) {
    Map<String, Object> change = new HashMap<>();
    change.put(TWO_WAY_FIELDS.get(field), value.isEmpty() ? null : value);
    Instant at = Instant.now();
    fixture.editRow("contacts", id, change);
    lastEdits.put("dynamics:" + key(id, field), new Edit(value, at));
  }

  private void editSpotler(String id, String field, String value) {
    Map<String, Object> change = new HashMap<>();
    change.put(field, value.isEmpty() ? null : value);
    Instant at = Instant.now();
    fixture.editSpotler(id, change);
    lastEdits.put("spotler:" + key(id, field), new Edit(value, at));
  }

  private Edit lastEdit(String id, String field) {
    Edit dynamics = lastEdits.get("dynamics:" + key(id, field));
    Edit spotler = lastEdits.get("spotler:" + key(id, field));
    if (dynamics == null || spotler == null) {
      return dynamics == null ? spotler : dynamics;
    }
    return spotler.at().isAfter(dynamics.at()) ? spotler : dynamics;
  }

  /** A new value; one in ten clears the field, which the non-blank rule cares about. */
  private static String randomValue(String field, Random random) {
    if (random.nextInt(10) == 0) {
      return "";
    }
    int n = random.nextInt(100_000);
    return switch (field) {
      case "birthday" -> String.format("%04d-%02d-%02d", 1950 + n % 55, 1 + n % 12, 1 + n % 28);
      case "phoneNumber" -> "06" + String.format("%08d", n);
      default -> field.substring(0, 1) + n;
    };
  }

  private static String key(String id, String field) {
    return id + "/" + field;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
