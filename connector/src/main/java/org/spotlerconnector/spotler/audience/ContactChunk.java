package org.spotlerconnector.spotler.audience;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The externalIds of 1 to {@value #MAX_SIZE} contacts, the most one audience call takes (413 above it). Never empty: a
 * removal without ids would empty the whole audience (spotler-api.md §5), so such a removal cannot be expressed.
 */
public record ContactChunk(List<String> contactIds) {
  /** "Maximum batch size of contactIds: 2500". */
  public static final int MAX_SIZE = 2_500;

  public ContactChunk {
    contactIds = List.copyOf(contactIds);
    if (contactIds.isEmpty() || contactIds.size() > MAX_SIZE) {
      throw new IllegalArgumentException(
          "an audience call takes 1 to " + MAX_SIZE + " contact ids, not " + contactIds.size());
    }
    for (String id : contactIds) {
      if (id.isBlank()) {
        throw new IllegalArgumentException("a contact id cannot be blank");
      }
    }
  }

  public static ContactChunk of(String contactId) {
    return new ContactChunk(List.of(contactId));
  }

  /** The ids in chunks of at most {@value #MAX_SIZE}, in their order; none for no ids. */
  public static List<ContactChunk> chunksOf(Collection<String> contactIds) {
    List<String> all = List.copyOf(contactIds);
    List<ContactChunk> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += MAX_SIZE) {
      chunks.add(new ContactChunk(all.subList(from, Math.min(all.size(), from + MAX_SIZE))));
    }
    return chunks;
  }

  public int size() {
    return contactIds.size();
  }

  /** This chunk without the given ids; empty when none is left. */
  public Optional<ContactChunk> without(Collection<String> ids) {
    List<String> left = contactIds.stream().filter(id -> !ids.contains(id)).toList();
    return left.isEmpty() ? Optional.empty() : Optional.of(new ContactChunk(left));
  }
}
