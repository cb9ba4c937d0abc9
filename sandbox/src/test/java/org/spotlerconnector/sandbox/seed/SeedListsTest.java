package org.spotlerconnector.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.dataverse.BuiltInTables;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.dataverse.query.FetchXml;

class SeedListsTest {

  @Test
  void the_same_data_gives_the_same_lists() {
    SeedData data = SeedData.generate(4, 12, 60, 20);

    assertThat(SeedLists.of(data)).isEqualTo(SeedLists.of(SeedData.generate(4, 12, 60, 20)));
    assertThat(SeedLists.of(data)).extracting(SeedLists.SeedList::id).doesNotHaveDuplicates();
  }

  @Test
  void static_lists_hold_seeded_rows_of_their_member_table_and_dynamic_queries_parse() {
    SeedData data = SeedData.generate(7, 12, 60, 20);
    Set<String> contactIds = new HashSet<>();
    data.contacts().forEach(c -> contactIds.add(c.get("contactid").asText()));

    for (SeedLists.SeedList list : SeedLists.of(data)) {
      if (list.dynamic()) {
        assertThat(list.memberIds()).isEmpty();
        String table = list.memberType() == 2 ? "contact" : "lead";
        assertThat(FetchXml.parse(list.query(), SeedListsTest::table).table().logicalName()).isEqualTo(table);
      } else if (list.memberType() == 2) {
        assertThat(list.memberIds()).isNotEmpty().allSatisfy(id -> assertThat(contactIds).contains(id.toString()));
      }
    }
  }

  @Test
  void a_table_without_rows_gets_no_lists() {
    assertThat(SeedLists.of(SeedData.generate(1, 0, 0, 0))).isEmpty();
    assertThat(SeedLists.of(SeedData.generate(1, 0, 5, 0))).extracting(SeedLists.SeedList::memberType)
        .containsOnly(2);
  }

  private static Optional<TableDefinition> table(String name) {
    return switch (name) {
      case "contact" -> Optional.of(BuiltInTables.contact());
      case "lead" -> Optional.of(BuiltInTables.lead());
      default -> Optional.empty();
    };
  }
}
