package org.spotlerconnector.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spotlerconnector.merge.Json.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.Direction;
import org.spotlerconnector.mapping.FieldMapping;

class RecordMergeTest {
  private static final ChangeTimes TIMES =
      ChangeTimes.of(Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T10:00:00Z"));

  private static final List<MergeField> FIELDS =
      List.of(
          new MergeField("email", Direction.TO_SPOTLER, ConflictRule.DEFAULT),
          new MergeField("firstName", Direction.BOTH, ConflictRule.DEFAULT),
          new MergeField("lastName", Direction.BOTH, ConflictRule.NEWEST),
          new MergeField("taal", Direction.TO_DATAVERSE, ConflictRule.DEFAULT));

  @Test
  void merges_every_field_and_collects_writes_conflicts_and_the_new_base() {
    RecordMergeResult result =
        RecordMerge.merge(
            FIELDS,
            Optional.of(object("{'email':'a@x.nl','firstName':'Jan','lastName':'Jansen','taal':'nl'}")),
            object("{'email':'b@x.nl','firstName':'Johan','lastName':'Janssen','taal':'nl'}"),
            object("{'email':'a@x.nl','firstName':'Jan','lastName':'Jansma','taal':'en'}"),
            TIMES);

    assertThat(result.toSpotler()).isEqualTo(object("{'email':'b@x.nl','firstName':'Johan'}"));
    assertThat(result.toDynamics()).isEqualTo(object("{'lastName':'Jansma','taal':'en'}"));
    assertThat(result.conflicts())
        .extracting(Conflict::field, Conflict::winner, Conflict::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("lastName", Side.SPOTLER, ConflictRule.NEWEST));
    assertThat(result.newBase())
        .isEqualTo(object("{'email':'b@x.nl','firstName':'Johan','lastName':'Jansma','taal':'en'}"));
    assertThat(result.inAgreement()).isFalse();
  }

  @Test
  void a_record_never_synced_takes_dynamics_values_except_for_fields_written_only_from_spotler() {
    RecordMergeResult result =
        RecordMerge.merge(
            FIELDS,
            Optional.empty(),
            object("{'email':'a@x.nl','firstName':'Jan','lastName':'','taal':'nl'}"),
            object("{'email':'a@x.nl','firstName':'Johan','lastName':'Jansen','taal':'en'}"),
            TIMES);

    assertThat(result.toSpotler()).isEqualTo(object("{'firstName':'Jan','lastName':''}"));
    assertThat(result.toDynamics()).isEqualTo(object("{'taal':'en'}"));
    assertThat(result.conflicts()).isEmpty();
  }

  @Test
  void a_field_the_base_does_not_hold_yet_merges_like_a_first_link() {
    RecordMergeResult result =
        RecordMerge.merge(
            FIELDS,
            Optional.of(object("{'email':'a@x.nl','firstName':'Jan','lastName':'Jansen'}")),
            object("{'email':'a@x.nl','firstName':'Jan','lastName':'Jansen'}"),
            object("{'email':'a@x.nl','firstName':'Jan','lastName':'Jansen','taal':'en'}"),
            TIMES);

    assertThat(result.toDynamics()).isEqualTo(object("{'taal':'en'}"));
    assertThat(result.newBase().get("taal").asText()).isEqualTo("en");
  }

  @Test
  void nothing_to_write_when_both_sides_hold_the_base() {
    ObjectNode values = object("{'email':'a@x.nl','firstName':'Jan','lastName':'Jansen','taal':'nl'}");

    RecordMergeResult result = RecordMerge.merge(FIELDS, Optional.of(values), values, values, TIMES);

    assertThat(result.inAgreement()).isTrue();
    assertThat(result.conflicts()).isEmpty();
    assertThat(result.newBase()).isEqualTo(values);
  }

  @Test
  void never_prints_values() {
    RecordMergeResult result =
        RecordMerge.merge(
            FIELDS,
            Optional.of(object("{'firstName':'Jan'}")),
            object("{'firstName':'Piet'}"),
            object("{'firstName':'Kees'}"),
            TIMES);

    assertThat(result.toString()).contains("firstName").doesNotContain("Jan", "Piet", "Kees");
  }

  @Test
  void takes_direction_and_rule_from_the_mapping_row() {
    FieldMapping row = FieldMapping.builder("lastName").contact("lastname").direction("<->").conflict("newest").build();

    assertThat(MergeField.of(row)).isEqualTo(new MergeField("lastName", Direction.BOTH, ConflictRule.NEWEST));
    assertThat(MergeField.of(FieldMapping.builder("email").contact("emailaddress1").build()).rule())
        .isEqualTo(ConflictRule.DYNAMICS);
  }

  @Test
  void refuses_a_field_listed_twice() {
    MergeField field = new MergeField("email", Direction.BOTH, ConflictRule.DEFAULT);
    ObjectNode empty = object("{}");

    assertThatThrownBy(() -> RecordMerge.merge(List.of(field, field), Optional.empty(), empty, empty, TIMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email");
  }
}
