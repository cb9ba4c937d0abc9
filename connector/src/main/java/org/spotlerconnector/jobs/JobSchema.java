package org.spotlerconnector.jobs;

import java.util.Objects;

/**
 * The names and option values of the connector's job and automation tables for one customisation prefix
 * (docs/dataverse-tables.md): {@code <p>_spotlerjob} and {@code <p>_spotlerautomation}, with option values built from
 * the publisher's option value prefix ({@code 10000} → In Progress is {@code 100000001}).
 *
 * @param prefix the customisation prefix, {@code spot} by default
 * @param optionValuePrefix the publisher's option value prefix, {@code 10000} by default
 */
public record JobSchema(String prefix, int optionValuePrefix) {
  public static final String DEFAULT_PREFIX = "spot";
  public static final int DEFAULT_OPTION_VALUE_PREFIX = 10000;

  public JobSchema {
    Objects.requireNonNull(prefix, "prefix cannot be null");
    if (!prefix.matches("[a-z][a-z0-9]{1,7}")) {
      throw new IllegalArgumentException("a customisation prefix is 2 to 8 lower-case letters or digits: " + prefix);
    }
    if (optionValuePrefix < 10000 || optionValuePrefix > 99999) {
      throw new IllegalArgumentException("an option value prefix lies between 10000 and 99999: " + optionValuePrefix);
    }
  }

  public static JobSchema defaults() {
    return new JobSchema(DEFAULT_PREFIX, DEFAULT_OPTION_VALUE_PREFIX);
  }

  /** {@code <p>_<name>}. */
  public String column(String name) {
    return prefix + "_" + name;
  }

  /** The {@code _<p>_<lookup>_value} property a lookup column is read through. */
  public String lookupValue(String lookup) {
    return "_" + column(lookup) + "_value";
  }

  /** {@code <option prefix>0000 + n}, how the connector's choices and status reasons are numbered. */
  public int optionValue(int n) {
    return optionValuePrefix * 10000 + n;
  }

  public String jobEntitySet() {
    return column("spotlerjobs");
  }

  public String jobIdColumn() {
    return column("spotlerjobid");
  }

  public String automationEntitySet() {
    return column("spotlerautomations");
  }

  public String automationIdColumn() {
    return column("spotlerautomationid");
  }

  /** The status reason value of a job status. */
  public int statusValue(JobStatus status) {
    return status.isConnectorOption() ? optionValue(status.value()) : status.value();
  }

  public int operationValue(JobOperation operation) {
    return optionValue(operation.number());
  }
}
