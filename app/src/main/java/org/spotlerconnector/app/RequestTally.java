package org.spotlerconnector.app;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.http.RequestLog;

/**
 * Counts the requests the sandbox receives. A request log keeps only its latest entries, so totals come from its
 * sequence numbers, which keep increasing; 429 answers and response times are read from the entries, often enough
 * that none drop out of the log unread.
 */
final class RequestTally implements AutoCloseable {
  private static final long READ_EVERY_MILLIS = 250;

  private final ServerTally dataverse;
  private final ServerTally tokens;
  private final ServerTally mailplus;
  private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "benchmark-request-tally");
    t.setDaemon(true);
    return t;
  });

  RequestTally(Sandbox sandbox) {
    this.dataverse = new ServerTally(sandbox.dataverseServer().requestLog());
    this.tokens = new ServerTally(sandbox.entraServer().requestLog());
    this.mailplus = new ServerTally(sandbox.mailplusServer().requestLog());
    reader.scheduleWithFixedDelay(this::read, READ_EVERY_MILLIS, READ_EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Everything received since this tally started. */
  synchronized RequestCounts now() {
    read();
    return new RequestCounts(dataverse.counts(), tokens.counts(), mailplus.counts());
  }

  private synchronized void read() {
    dataverse.read();
    tokens.read();
    mailplus.read();
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }

  private static final class ServerTally {
    private final RequestLog log;
    private final long start;
    private long lastRead;
    private long throttled;
    private long timed;
    private long millis;

    ServerTally(RequestLog log) {
      this.log = log;
      this.start = log.lastSequence();
      this.lastRead = start;
    }

    RequestCounts.Side counts() {
      return new RequestCounts.Side(lastRead - start, throttled, timed, millis);
    }

    void read() {
      long upTo = log.lastSequence();
      List<RequestLog.Entry> entries = log.since(lastRead);
      for (RequestLog.Entry entry : entries) {
        if (entry.sequence() > upTo) {
          break;
        }
        timed++;
        millis += entry.durationMillis();
        if (entry.status() == 429) {
          throttled++;
        }
      }
      lastRead = upTo;
    }
  }
}
