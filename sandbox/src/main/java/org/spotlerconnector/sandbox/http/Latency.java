package org.spotlerconnector.sandbox.http;

import java.util.concurrent.ThreadLocalRandom;

/** Simulated network and processing latency added to every emulated API call: a fixed part plus uniform jitter. */
public final class Latency {
  private volatile long fixedMillis;
  private volatile long jitterMillis;

  public void set(long fixedMillis, long jitterMillis) {
    if (fixedMillis < 0 || jitterMillis < 0) {
      throw new IllegalArgumentException("latency must be >= 0");
    }
    this.fixedMillis = fixedMillis;
    this.jitterMillis = jitterMillis;
  }

  public long fixedMillis() {
    return fixedMillis;
  }

  public long jitterMillis() {
    return jitterMillis;
  }

  void pause() throws InterruptedException {
    long jitter = jitterMillis;
    long total = fixedMillis + (jitter > 0 ? ThreadLocalRandom.current().nextLong(jitter + 1) : 0);
    if (total > 0) {
      Thread.sleep(total);
    }
  }
}
