package org.spotlerconnector.sync.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The difference between a list's members now and its membership as last synced, which is all a sync sends.
 *
 * @param joined members new to the list since the last sync
 * @param waiting members that were on the list but not in Spotler at the last sync: added once Spotler has them
 * @param left members in the audience that are off the list now: removed from the audience
 * @param gone members that were not in Spotler and are off the list now: only forgotten
 */
record MembershipChanges(List<String> joined, List<String> waiting, List<String> left, List<String> gone) {

  /**
   * @param members the list's members now
   * @param synced the membership last synced: member to whether it is in the audience
   */
  static MembershipChanges between(Set<String> members, Map<String, Boolean> synced) {
    List<String> joined = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    for (String member : members) {
      Boolean inAudience = synced.get(member);
      if (inAudience == null) {
        joined.add(member);
      } else if (!inAudience) {
        waiting.add(member);
      }
    }
    List<String> left = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    synced.forEach((member, inAudience) -> {
      if (!members.contains(member)) {
        (inAudience ? left : gone).add(member);
      }
    });
    return new MembershipChanges(List.copyOf(joined), List.copyOf(waiting), List.copyOf(left), List.copyOf(gone));
  }
}
