package org.spotlerconnector.dataverse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection's traffic under Dataverse's service protection limits (see {@link BudgetSettings}): a request
 * first waits for a concurrency slot, then for room in the sliding request window and the execution-time window, and
 * for the end of any pause a 429 imposed. Requests wait for a permit rather than fail. Thread-safe.
 */
public final class RequestBudget {
  private static final Logger LOG = LoggerFactory.getLogger(RequestBudget.class);

  /** How the budget waits; tests replace it with one that advances a fake clock. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final BudgetSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DataverseMetrics metrics;
  private final Semaphore concurrency;
  private final SlidingWindow requests;
  private final SlidingWindow executionMillis;
  private Instant pausedUntil = Instant.EPOCH;

  public RequestBudget(BudgetSettings settings, Clock clock, DataverseMetrics metrics) {
    this(settings, clock, duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()), metrics);
  }

  RequestBudget(BudgetSettings settings, Clock clock, Sleeper sleeper, DataverseMetrics metrics) {
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.metrics = metrics;
    this.concurrency = new Semaphore(settings.maxConcurrentRequests(), true);
    this.requests = new SlidingWindow(settings.maxRequests(), settings.window());
    this.executionMillis = new SlidingWindow(settings.maxExecutionTime().toMillis(), settings.window());
  }

  public BudgetSettings settings() {
    return settings;
  }

  /**
   * Waits until {@code requestCount} requests may be sent: 1 for a single call, the number of operations for a
   * {@code $batch}. Close the permit when the response has been read.
   */
  public Permit acquire(int requestCount) throws InterruptedException {
    if (requestCount < 1) {
      throw new IllegalArgumentException("requestCount must be >= 1");
    }
    Instant start = clock.instant();
    concurrency.acquire();
    try {
      awaitRoom(requestCount);
    } catch (InterruptedException | RuntimeException e) {
      concurrency.release();
      throw e;
    }
    Instant granted = clock.instant();
    Duration waited = Duration.between(start, granted);
    if (waited.toMillis() > 0) {
      metrics.budgetWaited(waited);
      LOG.atDebug().addKeyValue("waitedMs", waited.toMillis()).addKeyValue("requests", requestCount)
          .log("waited for the request budget");
    }
    return new Permit(granted);
  }

  /** Holds every request of this connection until {@code until}, as Dataverse asked with Retry-After. */
  public synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  /** Requests counted in the current window. */
  public synchronized long requestsInWindow() {
    return requests.total(clock.instant());
  }

  /** Requests holding a concurrency slot now. */
  public int inFlight() {
    return settings.maxConcurrentRequests() - concurrency.availablePermits();
  }

  private void awaitRoom(int requestCount) throws InterruptedException {
    while (true) {
      Duration wait = reserveOrWait(requestCount);
      if (wait.isZero()) {
        return;
      }
      sleeper.sleep(wait);
    }
  }

  private synchronized Duration reserveOrWait(int requestCount) {
    Instant now = clock.instant();
    Duration wait = longest(
        positive(Duration.between(now, pausedUntil)),
        executionMillis.waitFor(now, 1),
        requests.waitFor(now, requestCount));
    if (wait.isZero()) {
      requests.record(now, requestCount);
    }
    return wait;
  }

  private synchronized void recordExecution(Instant startedAt) {
    Instant now = clock.instant();
    executionMillis.record(now, Math.max(0, Duration.between(startedAt, now).toMillis()));
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static Duration longest(Duration a, Duration b, Duration c) {
    Duration ab = a.compareTo(b) >= 0 ? a : b;
    return ab.compareTo(c) >= 0 ? ab : c;
  }

  /** One granted request (or batch): closing it frees the concurrency slot and records its execution time. */
  public final class Permit implements AutoCloseable {
    private final Instant grantedAt;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Permit(Instant grantedAt) {
      this.grantedAt = grantedAt;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        recordExecution(grantedAt);
        concurrency.release();
      }
    }
  }
}
