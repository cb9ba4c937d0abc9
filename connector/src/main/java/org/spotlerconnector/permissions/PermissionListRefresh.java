package org.spotlerconnector.permissions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.permissions.PermissionVariables.Variable;
import org.spotlerconnector.schedule.RepeatingTask;
import org.spotlerconnector.spotler.SetPropertyEntry;

/**
 * Keeps the environment variable {@code <p>_permissions} equal to the permissions Spotler has, as the manual's
 * "Environment variables" says the connector does daily: once at start-up and then every {@code every}, the
 * descriptions of the permission options in Spotler's order, as a semicolon list, are written to the variable's value
 * row. A variable whose current value is {@code ;} is left alone: that value switches both this refresh and the
 * pre-population off. A refresh that fails is tried again after {@code retryAfterFailure}. Several connectors may
 * each run one: the value written only depends on Spotler.
 */
public final class PermissionListRefresh implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PermissionListRefresh.class);

  /** What one refresh did. */
  public enum Outcome {
    /** The variable got the current list. */
    WRITTEN,
    /** The variable held the current list already. */
    UNCHANGED,
    /** The variable's value is {@code ;}: nothing is refreshed. */
    SWITCHED_OFF,
    /** The variable does not exist: {@code install} has not run. */
    NOT_INSTALLED
  }

  private final PermissionVariables variables;
  private final SpotlerPermissions spotler;
  private final String field;
  private final RepeatingTask task;

  /** @param field the Spotler set field whose options are listed, e.g. {@code permissions} */
  public PermissionListRefresh(
      PermissionVariables variables, SpotlerPermissions spotler, String field, Duration every,
      Duration retryAfterFailure) {
    this.variables = variables;
    this.spotler = spotler;
    this.field = field;
    this.task = new RepeatingTask("permission list refresh", every, retryAfterFailure, () -> {
      Outcome outcome = refresh();
      var log = outcome == Outcome.NOT_INSTALLED ? LOG.atWarn() : LOG.atInfo();
      log.addKeyValue("outcome", outcome).addKeyValue("next", every)
          .log(outcome == Outcome.NOT_INSTALLED
              ? "the permissions environment variable does not exist; run the install command"
              : "permission list refreshed from Spotler");
      return RepeatingTask.Next.ON_SCHEDULE;
    });
  }

  /** Refreshes the variable now, in the calling thread. */
  public Outcome refresh() {
    Optional<Variable> variable = variables.read().permissions();
    if (variable.isEmpty()) {
      return Outcome.NOT_INSTALLED;
    }
    if (PermissionNames.disables(variable.get().current())) {
      return Outcome.SWITCHED_OFF;
    }
    List<String> names = spotler.entries(field).stream().map(SetPropertyEntry::description).toList();
    String list = PermissionNames.format(names);
    if (variable.get().valueRowId().isPresent() && list.equals(variable.get().current())) {
      return Outcome.UNCHANGED;
    }
    variables.write(variable.get(), list);
    return Outcome.WRITTEN;
  }

  /** Refreshes now, in the background, and then on the schedule until closed. */
  public void start() {
    task.start();
  }

  @Override
  public void close() {
    task.close();
  }
}
