package org.spotlerconnector.jobs;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the job table and runs due jobs on a small thread pool. Several workers, in one process or many, can poll the
 * same table: each job is claimed with {@code If-Match}, so it runs once.
 */
public final class JobWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

  private final JobTable table;
  private final JobProcessor processor;
  private final JobWorkerSettings settings;
  private final Clock clock;
  private final ExecutorService pool;
  private final ScheduledExecutorService poller;
  private final Set<String> nudged = ConcurrentHashMap.newKeySet();

  public JobWorker(JobTable table, JobRunner runner, JobWorkerSettings settings, Clock clock) {
    this.table = table;
    this.settings = settings;
    this.clock = clock;
    this.processor = new JobProcessor(table, runner, settings, clock);
    AtomicInteger threadNumber = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(settings.threads(), r -> daemon(r, "spotler-job-" + threadNumber.incrementAndGet()));
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "spotler-job-poller"));
  }

  /** Polls every {@link JobWorkerSettings#pollInterval()} in the background until closed. */
  public void start() {
    long millis = settings.pollInterval().toMillis();
    poller.scheduleWithFixedDelay(this::pollSafely, 0, millis, TimeUnit.MILLISECONDS);
  }

  /** One poll: runs every due job of one page and waits for them; returns how many this worker finished or rescheduled. */
  public int pollOnce() {
    return poll().handled();
  }

  /** What one poll read and did. */
  private record Poll(int read, int handled) {}

  private Poll poll() {
    List<SpotlerJob> due = table.due(clock.instant(), settings.lease(), settings.pageSize());
    List<Future<JobProcessor.Result>> results = due.stream()
        .map(job -> pool.submit(() -> processor.process(job)))
        .toList();
    int handled = 0;
    for (Future<JobProcessor.Result> result : results) {
      try {
        if (result.get() != JobProcessor.Result.SKIPPED) {
          handled++;
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new Poll(0, handled); // stop polling

      } catch (java.util.concurrent.ExecutionException failed) {
        LOG.atWarn().addKeyValue("error", String.valueOf(failed.getCause())).log("a job could not be processed");
      }
    }
    return new Poll(due.size(), handled);
  }

  /**
   * Runs one job now, on the worker's pool, if it is still Queued: a webhook says it was just created. Returns at
   * once. A nudge for a job that is already being nudged is dropped; a job that changed meanwhile is left alone (its
   * claim fails or it is no longer Queued), so a webhook delivered twice runs the job once. A nudge that is lost (the
   * worker is closing, the job table cannot be read) costs nothing but time: the next poll finds the job.
   */
  public void nudge(String jobId) {
    if (!nudged.add(jobId)) {
      return;
    }
    try {
      pool.execute(() -> {
        try {
          table.read(jobId)
              .filter(job -> job.statusValue() == table.schema().statusValue(JobStatus.QUEUED))
              .ifPresent(processor::process);
        } catch (RuntimeException failure) {
          LOG.atWarn().addKeyValue("job", jobId).addKeyValue("error", failure.toString())
              .log("a nudged job could not be processed; the next poll will find it");
        } finally {
          nudged.remove(jobId);
        }
      });
    } catch (RejectedExecutionException closing) {
      nudged.remove(jobId);
    }
  }

  /**
   * Polls, and polls again at once while the pages come back full, so a backlog is worked off without waiting an
   * interval between pages.
   */
  private void pollSafely() {
    try {
      Poll poll;
      do {
        poll = poll();
      } while (poll.read() == settings.pageSize() && !pool.isShutdown());
    } catch (RuntimeException failure) {
      LOG.atWarn().addKeyValue("error", failure.toString()).log("polling the job table failed; will poll again");
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }
}
