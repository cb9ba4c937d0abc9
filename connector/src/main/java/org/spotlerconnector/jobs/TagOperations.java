package org.spotlerconnector.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.spotlerconnector.spotler.MailPlusNotFoundException;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;

/** Add Tag, Remove Tag and the three score operations. */
final class TagOperations {
  private final MailPlusAutomation spotler;
  private final RecordResolver records;
  private final ContactPusher pusher;

  TagOperations(MailPlusAutomation spotler, RecordResolver records, ContactPusher pusher) {
    this.spotler = spotler;
    this.records = records;
    this.pusher = pusher;
  }

  /** Tags the record; without a record, only creates the tags (manual: Add Tag). */
  JobOutcome add(SpotlerJob job) {
    List<String> tags = tags(job);
    var record = records.find(job);
    if (record.isEmpty()) {
      tags.forEach(spotler::createTag);
      return JobOutcome.ok("Created tag(s) " + String.join(", ", tags) + " in Spotler.");
    }
    onContact(record.get(), externalId -> tags.forEach(tag -> spotler.addTag(externalId, tag)));
    return JobOutcome.ok("Tagged the " + record.get().logicalName() + " with " + String.join(", ", tags) + ".");
  }

  /** Removes the tags, and with them their scores, from the record. */
  JobOutcome remove(SpotlerJob job) {
    List<String> tags = tags(job);
    JobRecord record = records.require(job);
    onContact(record, externalId -> tags.forEach(tag -> spotler.removeTag(externalId, tag)));
    return JobOutcome.ok("Removed tag(s) " + String.join(", ", tags) + " from the " + record.logicalName() + ".");
  }

  JobOutcome setScore(SpotlerJob job) {
    String tag = singleTag(job);
    int score = score(job);
    JobRecord record = records.require(job);
    onContact(record, externalId -> spotler.setScore(externalId, tag, score));
    return JobOutcome.ok("Set the score on " + tag + " to " + score + ".");
  }

  /** Adds {@code sign} × the job's score; a lost answer is not repeated (the client reports it as unknown). */
  JobOutcome changeScore(SpotlerJob job, int sign) {
    String tag = singleTag(job);
    int delta = sign * score(job);
    JobRecord record = records.require(job);
    int[] result = new int[1];
    onContact(record, externalId -> result[0] = spotler.changeScore(externalId, tag, delta));
    return JobOutcome.ok("The score on " + tag + " is now " + result[0] + ".");
  }

  /** Runs a contact call; when Spotler lacks the contact, syncs it and runs the call once more. */
  private void onContact(JobRecord record, Consumer<String> call) {
    try {
      call.accept(record.id());
      return;
    } catch (MailPlusNotFoundException notFound) {
      if (!isContactNotFound(notFound)) {
        throw notFound;
      }
    }
    if (!pusher.push(record)) {
      throw new JobFailure(ResultCode.CONTACT_NOT_IN_SPOTLER,
          "This " + record.logicalName() + " could not be synced to Spotler; check its e-mail address and sync status.");
    }
    call.accept(record.id());
  }

  static boolean isContactNotFound(MailPlusNotFoundException notFound) {
    return notFound.errorType().filter(t -> t.startsWith("CONTACT_NOT")).isPresent();
  }

  /** The job's tags, separated by {@code ,} or {@code ;}. */
  static List<String> tags(SpotlerJob job) {
    List<String> tags = new ArrayList<>();
    for (String part : job.tag().orElse("").split("[,;]")) {
      if (!part.isBlank()) {
        tags.add(part.strip());
      }
    }
    if (tags.isEmpty()) {
      throw new JobFailure(ResultCode.INVALID_INPUT, "Tag: give one or more tags, separated by a comma or semicolon.");
    }
    return tags;
  }

  private static String singleTag(SpotlerJob job) {
    List<String> tags = tags(job);
    if (tags.size() > 1) {
      throw new JobFailure(ResultCode.INVALID_INPUT, "Tag: a score applies to one tag; give only one.");
    }
    return tags.get(0);
  }

  private static int score(SpotlerJob job) {
    return job.score().orElseThrow(() -> new JobFailure(ResultCode.INVALID_INPUT, "Score: give a whole number."));
  }
}
