package org.spotlerconnector.sync.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.store.RecordLinks;

/**
 * Which of a list's new members Spotler has: the records the outbound sync linked to a Spotler contact, and those it
 * can sync now. A member that was not in Spotler at an earlier sync is not pushed again; it joins the audience once
 * the outbound sync brings it to Spotler (after a change that makes it syncable).
 */
final class MembersInSpotler {
  private final RecordLinks links;
  private final String connectionId;
  private final MemberPusher pusher;

  MembersInSpotler(RecordLinks links, String connectionId, MemberPusher pusher) {
    this.links = links;
    this.connectionId = connectionId;
    this.pusher = pusher;
  }

  /**
   * @param inSpotler the members to add to the audience
   * @param notInSpotler the new members that could not be synced to Spotler
   * @param stillWaiting how many of the members that were not in Spotler at the last sync still are not
   */
  record Found(List<String> inSpotler, List<String> notInSpotler, int stillWaiting) {}

  Found among(SourceTable table, MembershipChanges changes) {
    List<String> candidates = new ArrayList<>(changes.joined());
    candidates.addAll(changes.waiting());
    Set<String> linked = links.findByRecordIds(connectionId, table.logicalName(), candidates).keySet();
    List<String> inSpotler = new ArrayList<>();
    List<String> notInSpotler = new ArrayList<>();
    for (String member : changes.joined()) {
      if (linked.contains(member) || pusher.push(table, member)) {
        inSpotler.add(member);
      } else {
        notInSpotler.add(member);
      }
    }
    int stillWaiting = 0;
    for (String member : changes.waiting()) {
      if (linked.contains(member)) {
        inSpotler.add(member);
      } else {
        stillWaiting++;
      }
    }
    return new Found(inSpotler, notInSpotler, stillWaiting);
  }
}
