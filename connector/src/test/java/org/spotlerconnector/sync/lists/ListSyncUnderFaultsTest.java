package org.spotlerconnector.sync.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.config.AudienceRemoval;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.http.FaultRule;

/**
 * Membership converges after injected faults: Mail+ audience calls that fail outright or whose answer is lost after
 * Mail+ acted, and Dataverse reads that fail, while the lists change between refreshes. The store records a chunk only
 * once Spotler accepted it, so every refresh after a failure sends what is still missing.
 */
class ListSyncUnderFaultsTest {
  private static final int MAX_REFRESHES = 40;

  @TempDir Path dir;

  @Test
  @Timeout(180)
  @DisplayName("faults on both sides: refreshes go on until one has no failure, and then every audience holds exactly"
      + " its list's members in Spotler, as the store says")
  void membership_converges_after_faults() throws IOException {
    try (ListSyncFixture env =
        new ListSyncFixture(dir, SandboxOptions.forTests().withData(21, 10, 200, 80, 0), AudienceRemoval.DELETE, 0)) {
      List<String> lists = List.of(env.listId("Newsletter"), env.listId("Active contacts in"), env.listId("Trade"));
      lists.forEach(list -> env.markForSync(list, true));
      env.sandbox.mailplusServer().faults().replace(List.of(
          FaultRule.status(503).onPath("/audience").withProbability(0.35),
          FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).onPath("/audience").withProbability(0.2)), 99L);
      env.sandbox.dataverseServer().faults().replace(List.of(
          FaultRule.status(503).onPath("/(lists|listmembers|contacts|leads)").withProbability(0.2)), 99L);

      int failedRefreshes = refreshUntilClean(env);
      String staticList = lists.get(0);
      List<String> members = new ArrayList<>(env.audience(staticList));
      env.removeMembers(staticList, members.subList(0, 5));
      env.addMembers(staticList, notOn(env, staticList, 5));
      failedRefreshes += refreshUntilClean(env);

      assertThat(failedRefreshes).as("refreshes that met a fault").isPositive();
      assertThat(env.sentAnEmptyingDelete()).isFalse();
      env.sandbox.mailplusServer().faults().clear();
      env.sandbox.dataverseServer().faults().clear();
      for (String list : lists) {
        Set<String> expected = env.membersInSpotler(list);
        assertThat(env.audience(list)).as("audience of %s", list).isEqualTo(expected).isNotEmpty();
        assertThat(inAudienceByStore(env, list)).as("store of %s", list).isEqualTo(expected);
      }
      long mark = env.mailplusLog().lastSequence();
      assertThat(env.lists.refresh().failed()).isZero();
      assertThat(env.mailplusLog().since(mark)).as("nothing left to send").isEmpty();
    }
  }

  /** Refreshes until a refresh meets no failure; returns how many did. */
  private static int refreshUntilClean(ListSyncFixture env) {
    int failed = 0;
    for (int i = 0; i < MAX_REFRESHES; i++) {
      try {
        if (env.lists.refresh().failed() == 0) {
          return failed;
        }
      } catch (RuntimeException refreshFailed) {
        // the list query itself failed: the next refresh reads it again
      }
      failed++;
    }
    throw new AssertionError("no refresh without a failure in " + MAX_REFRESHES + " tries");
  }

  private static List<String> notOn(ListSyncFixture env, String list, int count) {
    Set<String> on = env.members(list);
    List<String> others = new ArrayList<>();
    for (var row : env.sandbox.dataverse().table("contacts").rows()) {
      String id = row.path("contactid").asText();
      if (!on.contains(id) && others.size() < count) {
        others.add(id);
      }
    }
    return others;
  }

  private static Set<String> inAudienceByStore(ListSyncFixture env, String list) {
    Set<String> members = new HashSet<>();
    for (Map.Entry<String, Boolean> member : env.connector.store().listMemberships().find("lists", list).entrySet()) {
      if (member.getValue()) {
        members.add(member.getKey());
      }
    }
    return members;
  }
}
