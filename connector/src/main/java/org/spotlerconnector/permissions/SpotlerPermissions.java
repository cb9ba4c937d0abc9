package org.spotlerconnector.permissions;

import java.util.Comparator;
import java.util.List;
import org.spotlerconnector.spotler.ContactProperty;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.SetPropertyEntry;

/**
 * The permissions the Spotler account defines now: the options of a set property ({@code GET
 * /contact/properties/list}, spotler-api.md §2.2), read each time they are needed, as their descriptions can be
 * renamed at any moment. Only names come from here; permissions are matched by bit. Thread-safe.
 */
public final class SpotlerPermissions {
  private final MailPlusClient spotler;

  public SpotlerPermissions(MailPlusClient spotler) {
    this.spotler = spotler;
  }

  /** The options of the set property {@code field}, in Spotler's order (rank); none when there is no such set. */
  public List<SetPropertyEntry> entries(String field) {
    return spotler.properties().stream()
        .filter(property -> property.name().equals(field) && property.isSet())
        .findFirst()
        .map(ContactProperty::entries)
        .orElse(List.of())
        .stream()
        .sorted(Comparator.comparingInt(SetPropertyEntry::rank))
        .toList();
  }
}
