package org.spotlerconnector.sync.inbound;

import java.util.Objects;
import org.spotlerconnector.spotler.SpotlerContact;

/**
 * A Spotler contact and the id of the Dataverse row it is linked to.
 *
 * @param contact as Spotler returned it; its {@code externalId} addresses it in Spotler
 */
public record LinkedContact(String recordId, SpotlerContact contact) {
  public LinkedContact {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(contact.externalId(), "contact.externalId");
  }
}
