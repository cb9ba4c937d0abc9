package org.spotlerconnector.sync.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.spotler.audience.AudienceContactsNotFoundException;
import org.spotlerconnector.spotler.audience.ContactChunk;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;
import org.spotlerconnector.store.ListMemberships;

/**
 * Sends a list's membership changes to its audience in chunks of at most 2,500 ids and records each chunk in the store
 * only once Spotler accepted it: when a call fails, what it carried stays unrecorded, and the next sync sends it again
 * (adding or removing twice changes nothing in Spotler).
 */
final class AudienceMembers {
  private final SpotlerAudiences audiences;
  private final ListMemberships memberships;
  private final String connectionId;

  AudienceMembers(SpotlerAudiences audiences, ListMemberships memberships, String connectionId) {
    this.audiences = audiences;
    this.memberships = memberships;
    this.connectionId = connectionId;
  }

  /**
   * Adds the members to the audience. Spotler adds none of a chunk when it lacks one of its contacts: those are
   * recorded as not in Spotler, and the rest of the chunk is sent again.
   *
   * @return the members Spotler does not have
   */
  List<String> add(String listId, List<String> members) {
    List<String> notInSpotler = new ArrayList<>();
    for (ContactChunk chunk : ContactChunk.chunksOf(members)) {
      Optional<ContactChunk> left = Optional.of(chunk);
      while (left.isPresent()) {
        ContactChunk sending = left.get();
        try {
          audiences.addContacts(listId, sending);
          memberships.added(connectionId, listId, sending.contactIds());
          left = Optional.empty();
        } catch (AudienceContactsNotFoundException missing) {
          Set<String> unknown = new HashSet<>(missing.missingContactIds());
          unknown.retainAll(sending.contactIds());
          if (unknown.isEmpty()) {
            throw missing;
          }
          memberships.notInSpotler(connectionId, listId, unknown);
          notInSpotler.addAll(unknown);
          left = sending.without(unknown);
        }
      }
    }
    return notInSpotler;
  }

  /** Removes the members from the audience; one that is not in it is skipped by Spotler. */
  void remove(String listId, List<String> members) {
    for (ContactChunk chunk : ContactChunk.chunksOf(members)) {
      audiences.removeContacts(listId, chunk);
      memberships.removed(connectionId, listId, chunk.contactIds());
    }
  }
}
