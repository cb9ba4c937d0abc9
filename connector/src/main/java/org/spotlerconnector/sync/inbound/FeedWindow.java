package org.spotlerconnector.sync.inbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.spotlerconnector.spotler.SpotlerContact;

/**
 * One window of the changes feed, {@code [from, to]} on whole seconds, as the feed's query takes them: it starts
 * {@code overlap} before where the feed was read up to (before the end, the first time), and ends {@code settleMargin}
 * before now.
 */
record FeedWindow(Instant from, Instant to) {

  static FeedWindow next(Optional<Instant> readUpTo, Instant now, InboundSyncSettings settings) {
    Instant to = now.minus(settings.settleMargin()).truncatedTo(ChronoUnit.SECONDS);
    Instant from = readUpTo.orElse(to).minus(settings.overlap()).truncatedTo(ChronoUnit.SECONDS);
    return new FeedWindow(from, to);
  }

  /** Nothing to read: the feed was read up to the window's end already. */
  boolean isEmpty() {
    return !from.isBefore(to);
  }

  /**
   * Where the feed is read up to once this page is done: the last contact's change, as the feed lists the oldest change
   * first (what reading a time window by offset implies; a contact listed out of order is still read again by the
   * next window's overlap). Empty when the page does not say.
   */
  Optional<Instant> readUpTo(List<SpotlerContact> page) {
    if (page.isEmpty() || page.get(page.size() - 1).lastChanged() == null) {
      return Optional.empty();
    }
    Instant last = page.get(page.size() - 1).lastChanged();
    return Optional.of(last.isAfter(to) ? to : last);
  }
}
