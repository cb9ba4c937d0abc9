package org.spotlerconnector.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.permissions.RecordPermissions.Row;

/** A record's Spotler Permission rows as a set, and the writes that bring them to another set. */
class RecordPermissionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reads_as_a_set_in_bit_order_with_the_first_row_of_a_bit() {
    RecordPermissions rows = rows(new Row("r4", 4, true), new Row("r1", 1, false), new Row("r4b", 4, false));

    assertThat(rows.set()).hasToString("[{\"bit\":1,\"enabled\":false},{\"bit\":4,\"enabled\":true}]");
  }

  @Test
  void switches_rows_whose_state_differs_and_creates_rows_only_for_enabled_bits() {
    RecordPermissions rows = rows(new Row("r1", 1, true), new Row("r2", 2, false), new Row("r4", 4, true));

    RecordPermissions.Changes changes = rows.changesTo(json(
        "[{'bit':1,'enabled':false},{'bit':2,'enabled':false},{'bit':8,'enabled':true},{'bit':16,'enabled':false}]"));

    assertThat(changes.switched()).containsExactlyInAnyOrderEntriesOf(Map.of("r1", false));
    assertThat(changes.created()).containsExactly(8L);
  }

  @Test
  void names_read_without_blanks_and_case_and_a_semicolon_switches_off() {
    assertThat(PermissionNames.parse(" Nieuwsbrief ; Evenementen;;")).containsExactly("Nieuwsbrief", "Evenementen");
    assertThat(PermissionNames.parse(";")).isEmpty();
    assertThat(PermissionNames.format(List.of("A", "B"))).isEqualTo("A;B;");
    assertThat(PermissionNames.disables(" ; ")).isTrue();
    assertThat(PermissionNames.disables("A;")).isFalse();
    assertThat(PermissionNames.all("[all]")).isTrue();
    assertThat(Set.of(PermissionNames.key(" Evenementen"))).containsExactly(PermissionNames.key("EVENEMENTEN"));
  }

  private static RecordPermissions rows(Row... rows) {
    RecordPermissions permissions = new RecordPermissions();
    for (Row row : rows) {
      permissions.add(row);
    }
    return permissions;
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
