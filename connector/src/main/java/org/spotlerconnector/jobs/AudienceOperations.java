package org.spotlerconnector.jobs;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.spotlerconnector.spotler.audience.Audience;
import org.spotlerconnector.spotler.audience.AudienceContactsNotFoundException;
import org.spotlerconnector.spotler.audience.AudienceNotFoundException;
import org.spotlerconnector.spotler.audience.ContactChunk;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;

/**
 * Add to List and Remove from List: the customer or lead joins or leaves a Spotler audience named in the job, the way
 * to segment in Spotler without marketing lists (Power Apps). The audience's externalId is derived from its name (case
 * and surrounding spaces aside), so every job naming it reaches the same audience; Add to List creates it when it does
 * not exist, with the name as the job gives it.
 */
final class AudienceOperations {
  static final String DESCRIPTION = "Filled by Add to List and Remove from List jobs of the Spotler Connector";
  private static final String ID_PREFIX = "name-";

  private final SpotlerAudiences audiences;
  private final RecordResolver records;
  private final ContactPusher pusher;
  private final ListJobInputs inputs;

  AudienceOperations(SpotlerAudiences audiences, RecordResolver records, ContactPusher pusher, ListJobInputs inputs) {
    this.audiences = audiences;
    this.records = records;
    this.pusher = pusher;
    this.inputs = inputs;
  }

  JobOutcome add(SpotlerJob job) {
    Audience audience = audienceOf(job);
    JobRecord record = records.require(job);
    ContactChunk contact = ContactChunk.of(record.id());
    try {
      addTo(audience, contact);
    } catch (AudienceContactsNotFoundException notInSpotler) {
      if (!pusher.push(record)) {
        throw new JobFailure(ResultCode.CONTACT_NOT_IN_SPOTLER, "This " + record.logicalName()
            + " could not be synced to Spotler; check its e-mail address and sync status.");
      }
      addTo(audience, contact);
    }
    return JobOutcome.ok("Added the " + record.logicalName() + " to the Spotler audience '" + audience.name() + "'.");
  }

  JobOutcome remove(SpotlerJob job) {
    Audience audience = audienceOf(job);
    JobRecord record = records.require(job);
    try {
      audiences.removeContacts(audience.externalId(), ContactChunk.of(record.id()));
    } catch (AudienceNotFoundException noAudience) {
      return JobOutcome.ok("Spotler has no audience '" + audience.name() + "', so the " + record.logicalName()
          + " is not in it.");
    }
    return JobOutcome.ok("Removed the " + record.logicalName() + " from the Spotler audience '" + audience.name()
        + "'.");
  }

  /** Adds the contact, creating the audience first when Spotler has none with its id. */
  private void addTo(Audience audience, ContactChunk contact) {
    try {
      audiences.addContacts(audience.externalId(), contact);
    } catch (AudienceNotFoundException noAudience) {
      audiences.createIfAbsent(audience);
      audiences.addContacts(audience.externalId(), contact);
    }
  }

  private Audience audienceOf(SpotlerJob job) {
    String name = inputs.audience(job);
    if (name.length() > Audience.MAX_LENGTH) {
      throw new JobFailure(ResultCode.INVALID_INPUT,
          "Audience: a Spotler audience name has at most " + Audience.MAX_LENGTH + " characters.");
    }
    return new Audience(externalIdOf(name), name, DESCRIPTION);
  }

  /** The same for every spelling of the name that differs only in case or surrounding spaces. */
  static String externalIdOf(String audienceName) {
    String key = audienceName.strip().toLowerCase(Locale.ROOT);
    return ID_PREFIX + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }
}
