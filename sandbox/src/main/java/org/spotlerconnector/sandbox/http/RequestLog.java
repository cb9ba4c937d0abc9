package org.spotlerconnector.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The last requests an emulator received, newest last, so that a test can assert on what a client really sent. */
public final class RequestLog {
  private static final int MAX_BODY_CHARS = 16_384;

  private final int capacity;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private long nextSequence = 1;

  public RequestLog(int capacity) {
    this.capacity = capacity;
  }

  /** One logged request and the status it got; {@code status} 0 means the connection was dropped. */
  public record Entry(
      long sequence,
      Instant receivedAt,
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String body,
      int status,
      long durationMillis,
      String fault) {}

  synchronized void add(HttpRequest request, int status, long durationMillis, String fault, Instant receivedAt) {
    String body = new String(request.body(), StandardCharsets.UTF_8);
    if (body.length() > MAX_BODY_CHARS) {
      body = body.substring(0, MAX_BODY_CHARS) + "…";
    }
    entries.addLast(
        new Entry(
            nextSequence++,
            receivedAt,
            request.method(),
            request.path(),
            request.rawQuery(),
            request.headers(),
            body,
            status,
            durationMillis,
            fault));
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
  }

  public synchronized List<Entry> entries() {
    return new ArrayList<>(entries);
  }

  public synchronized List<Entry> since(long sequence) {
    return entries.stream().filter(e -> e.sequence() > sequence).toList();
  }

  public synchronized List<Entry> matching(Predicate<Entry> predicate) {
    return entries.stream().filter(predicate).toList();
  }

  public synchronized long count(Predicate<Entry> predicate) {
    return entries.stream().filter(predicate).count();
  }

  public synchronized long lastSequence() {
    return nextSequence - 1;
  }

  public synchronized void clear() {
    entries.clear();
  }
}
