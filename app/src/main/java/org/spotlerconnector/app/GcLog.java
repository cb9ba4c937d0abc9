package org.spotlerconnector.app;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Heap figures read from a JVM's unified GC log ({@code -Xlog:gc}), whose pause lines say the heap in use before and
 * after the collection and the heap's size, e.g. {@code GC(3) Pause Young (Normal) (G1 Evacuation Pause)
 * 123M->45M(512M) 3.456ms}.
 *
 * @param pauses pauses that reported heap figures (collections, and G1's remark and cleanup)
 * @param peakUsedBytes the most heap in use before any pause: how high the heap grew (a collector lets it grow
 *     towards the maximum when there is room, so this is an upper bound of what the process needed)
 * @param maxAfterCollectionBytes the most heap still in use after any collection: live data, plus old garbage when
 *     only the young generation was collected
 */
record GcLog(int pauses, OptionalLong peakUsedBytes, OptionalLong maxAfterCollectionBytes) {
  private static final Pattern HEAP_CHANGE =
      Pattern.compile("\\bPause\\b.*?\\s(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

  static GcLog parse(Stream<String> lines) {
    int pauses = 0;
    long peakUsed = -1;
    long maxAfterCollection = -1;
    for (String line : (Iterable<String>) lines::iterator) {
      Matcher m = HEAP_CHANGE.matcher(line);
      if (m.find()) {
        pauses++;
        peakUsed = Math.max(peakUsed, bytes(m.group(1), m.group(2)));
        maxAfterCollection = Math.max(maxAfterCollection, bytes(m.group(3), m.group(4)));
      }
    }
    return new GcLog(pauses, present(peakUsed), present(maxAfterCollection));
  }

  private static OptionalLong present(long value) {
    return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static long bytes(String amount, String unit) {
    long n = Long.parseLong(amount);
    return switch (unit.toUpperCase(Locale.ROOT)) {
      case "K" -> n << 10;
      case "M" -> n << 20;
      default -> n << 30;
    };
  }
}
