package org.spotlerconnector.sync.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MembershipChangesTest {

  @Test
  @DisplayName("members now against the membership last synced: who joined, who waits for Spotler, who left the"
      + " audience, and who left without having been in it")
  void sorts_every_member_into_its_change() {
    MembershipChanges changes = MembershipChanges.between(
        new LinkedHashSet<>(List.of("kept", "new", "waiting")),
        Map.of("kept", true, "waiting", false, "left", true, "gone", false));

    assertThat(changes).isEqualTo(new MembershipChanges(List.of("new"), List.of("waiting"), List.of("left"),
        List.of("gone")));
  }

  @Test
  @DisplayName("nothing changed: nothing to send")
  void no_change_is_no_work() {
    MembershipChanges changes =
        MembershipChanges.between(new LinkedHashSet<>(List.of("a", "b")), Map.of("a", true, "b", true));

    assertThat(changes).isEqualTo(new MembershipChanges(List.of(), List.of(), List.of(), List.of()));
  }
}
