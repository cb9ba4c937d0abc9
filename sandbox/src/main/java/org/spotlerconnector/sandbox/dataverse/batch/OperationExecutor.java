package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.concurrent.Callable;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;

/** What the batch needs from the emulator: run one inner request, and run a group of them atomically. */
public interface OperationExecutor {

  /**
   * Executes one request exactly as if it had been sent alone (auth and throttling were already applied to the outer
   * call). A request the emulator rejects comes back as its error response, not as an exception.
   */
  HttpResponse execute(HttpRequest request);

  /** Runs work under the store's write lock; if work throws, every change it made is undone and the exception propagates. */
  <T> T atomically(Callable<T> work) throws Exception;

  /** Base URL of the service root, e.g. {@code http://127.0.0.1:7402/api/data/v9.2} (for absolute URLs and OData-EntityId). */
  String serviceRoot();
}
