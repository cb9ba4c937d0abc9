package org.spotlerconnector.cli;

import java.util.concurrent.Callable;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.runtime.StoreOpener;
import org.spotlerconnector.store.Store;
import picocli.CommandLine.Command;

/** {@code retry-parked}: gives every parked record another try, e.g. after the data or the mapping was fixed. */
@Command(name = "retry-parked", mixinStandardHelpOptions = true,
    description = "Puts every parked record back on the queue; a running connector sends it again.")
final class RetryParkedCommand extends ConnectorMain.WithConfig implements Callable<Integer> {
  @Override
  public Integer call() {
    ConnectorConfig config = loadConfig();
    try (Store store = StoreOpener.open(config.store())) {
      int count = store.outboundQueue().retryParked(config.connection().id());
      spec.commandLine().getOut().printf("%d parked records are queued again.%n", count);
    }
    return 0;
  }
}
