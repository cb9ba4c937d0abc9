package org.spotlerconnector.sync.lists;

/**
 * What syncing one list did.
 *
 * @param members how many members the list has
 * @param added members added to the audience by this sync
 * @param removed members removed from the audience by this sync
 * @param notInSpotler members that are not in the audience because Spotler does not have them (they could not be
 *     synced: no e-mail address, inactive, Do Not Email, or their table is not synced)
 */
public record ListSyncReport(String listId, String listName, int members, int added, int removed, int notInSpotler) {

  /** The report in words, for a job's result message. */
  public String describe() {
    String text = "The marketing list '" + listName + "' is synced to its Spotler audience: " + members + " member(s), "
        + added + " added and " + removed + " removed now.";
    return notInSpotler == 0 ? text : text + " " + notInSpotler + " member(s) are not in Spotler and so not in the"
        + " audience: they could not be synced (check their e-mail address and status); they join once they are.";
  }
}
