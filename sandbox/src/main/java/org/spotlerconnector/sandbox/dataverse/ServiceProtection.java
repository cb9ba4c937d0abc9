package org.spotlerconnector.sandbox.dataverse;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces the service protection limits per user (the token's client id) over a sliding window (dataverse-api.md
 * §6). The concurrency limit refuses a request at once; the request count and execution time limits refuse requests
 * once they have been exceeded, until enough of the window has passed. A refusal is a 429 with {@code Retry-After} in
 * whole seconds (at least 1, until a slot frees) and the documented error code and message; refused requests are not
 * counted.
 *
 * <p>Execution time is the time the emulator spends handling a request, measured with {@link System#nanoTime()}; the
 * window uses the emulator's clock, so tests can move time forward.
 */
final class ServiceProtection {
  static final String REQUESTS_EXCEEDED = "0x80072322";
  static final String EXECUTION_TIME_EXCEEDED = "0x80072321";
  static final String CONCURRENCY_EXCEEDED = "0x80072326";
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final Clock clock;
  private final Map<String, Usage> usageByUser = new ConcurrentHashMap<>();
  private volatile ServiceProtectionLimits limits = ServiceProtectionLimits.DEFAULTS;

  ServiceProtection(Clock clock) {
    this.clock = clock;
  }

  ServiceProtectionLimits limits() {
    return limits;
  }

  void limits(ServiceProtectionLimits limits) {
    this.limits = limits;
  }

  void reset() {
    usageByUser.clear();
    limits = ServiceProtectionLimits.DEFAULTS;
  }

  /** Lets a request in or refuses it with a 429; the admission must be closed when the request is done. */
  Admission admit(String user) {
    return usage(user).admit(limits, clock.millis());
  }

  /** Counts one more request for a user without checking the limits, as for each request inside a $batch. */
  void count(String user) {
    usage(user).count(clock.millis());
  }

  int inFlight(String user) {
    Usage usage = usageByUser.get(user);
    return usage == null ? 0 : usage.inFlight();
  }

  /** The message of the request count refusal, also used for injected 429 faults. */
  String requestLimitMessage() {
    ServiceProtectionLimits l = limits;
    return "Number of requests exceeded the limit of " + l.requests() + " over time window of " + l.window().toSeconds()
        + " seconds.";
  }

  private Usage usage(String user) {
    return usageByUser.computeIfAbsent(user, u -> new Usage());
  }

  /** A request that was let in; closing it ends its concurrency slot and adds its execution time. */
  final class Admission implements AutoCloseable {
    private final Usage usage;
    private final long startNanos = System.nanoTime();
    private final int remainingRequests;
    private final long remainingMillis;

    private Admission(Usage usage, int remainingRequests, long remainingMillis) {
      this.usage = usage;
      this.remainingRequests = remainingRequests;
      this.remainingMillis = remainingMillis;
    }

    /** The value of the {@code x-ms-ratelimit-burst-remaining-xrm-requests} debug header. */
    int remainingRequests() {
      return remainingRequests;
    }

    /** The value of the {@code x-ms-ratelimit-time-remaining-xrm-requests} debug header, in milliseconds. */
    long remainingMillis() {
      return remainingMillis;
    }

    @Override
    public void close() {
      usage.finish(clock.millis(), System.nanoTime() - startNanos);
    }
  }

  /** One user's requests and execution times within the window. */
  private final class Usage {
    private final ArrayDeque<Long> requestTimes = new ArrayDeque<>();
    private final ArrayDeque<long[]> executions = new ArrayDeque<>();
    private long executionNanos;
    private int inFlight;

    synchronized Admission admit(ServiceProtectionLimits l, long now) {
      prune(now, l.window().toMillis());
      long windowSeconds = l.window().toSeconds();
      if (inFlight >= l.concurrency()) {
        throw throttled(
            CONCURRENCY_EXCEEDED, "Number of concurrent requests exceeded the limit of " + l.concurrency() + ".", 1);
      }
      if (requestTimes.size() >= l.requests()) {
        long retryAt = requestTimes.peekFirst() + l.window().toMillis();
        throw throttled(REQUESTS_EXCEEDED, requestLimitMessage(), seconds(retryAt - now));
      }
      long limitNanos = l.executionTime().toMillis() * NANOS_PER_MILLI;
      if (executionNanos >= limitNanos) {
        throw throttled(
            EXECUTION_TIME_EXCEEDED,
            String.format(
                Locale.US,
                "Combined execution time of incoming requests exceeded limit of %,d milliseconds over time window"
                    + " of %d seconds. Decrease number of concurrent requests or reduce the duration of requests and"
                    + " try again later.",
                l.executionTime().toMillis(),
                windowSeconds),
            seconds(executionFreesAt(limitNanos, l.window().toMillis()) - now));
      }
      requestTimes.addLast(now);
      inFlight++;
      return new Admission(
          this, l.requests() - requestTimes.size(), Math.max(0, (limitNanos - executionNanos) / NANOS_PER_MILLI));
    }

    synchronized void count(long now) {
      requestTimes.addLast(now);
    }

    synchronized void finish(long now, long nanos) {
      inFlight--;
      executions.addLast(new long[] {now, nanos});
      executionNanos += nanos;
    }

    synchronized int inFlight() {
      return inFlight;
    }

    private void prune(long now, long windowMillis) {
      long start = now - windowMillis;
      while (!requestTimes.isEmpty() && requestTimes.peekFirst() <= start) {
        requestTimes.removeFirst();
      }
      while (!executions.isEmpty() && executions.peekFirst()[0] <= start) {
        executionNanos -= executions.removeFirst()[1];
      }
    }

    /** When enough execution time will have left the window for the total to drop below the limit. */
    private long executionFreesAt(long limitNanos, long windowMillis) {
      long remaining = executionNanos;
      Iterator<long[]> it = executions.iterator();
      while (it.hasNext()) {
        long[] execution = it.next();
        remaining -= execution[1];
        if (remaining < limitNanos) {
          return execution[0] + windowMillis;
        }
      }
      return clock.millis() + windowMillis;
    }
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }

  private static DataverseException throttled(String code, String message, long retryAfterSeconds) {
    return new DataverseException(429, code, message).withHeader("Retry-After", String.valueOf(retryAfterSeconds));
  }
}
