package org.spotlerconnector.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Spotler to Dataverse sync: Spotler's changes feed is read in overlapping time windows, and the fields mapped
 * {@code <-} or {@code <->} (including {@code @map(permissions)}) are merged into Dataverse.
 *
 * <p>Enabled by default, but it only does something when the mapping has a row mapped {@code <-} or {@code <->} or a
 * {@code @map(permissions)} row: with a mapping that only sends to Spotler nothing is read from Spotler, and no new
 * subscribers are created either. New subscribers (Spotler contacts without a Dataverse row) are handled as {@link
 * NewSubscribersConfig} says.
 *
 * @param enabled read Spotler's changes at all; {@code false} makes the sync one-way whatever the mapping says
 * @param pollInterval how often the changes feed is read
 * @param overlap how far each window starts before the previous one ended, so a change that Spotler records late is
 *     still read; re-reading a change is harmless. At most {@value #MAX_OVERLAP_HOURS} hours
 * @param pageSize contacts per page of the changes feed
 * @param newSubscribers what a Spotler contact without a Dataverse row becomes
 */
public record InboundSyncConfig(
    boolean enabled, Duration pollInterval, Duration overlap, int pageSize, NewSubscribersConfig newSubscribers) {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(10);
  /**
   * Every poll re-reads the overlap: beyond a day that is mostly waste, and a connector that was stopped catches up
   * from where it stopped anyway, whatever the overlap.
   */
  public static final int MAX_OVERLAP_HOURS = 24;
  public static final int DEFAULT_PAGE_SIZE = 100;
  /** Spotler documents no maximum for {@code pageSize}; larger pages only hold more contacts in memory. */
  public static final int MAX_PAGE_SIZE = 1_000;
  public static final InboundSyncConfig DEFAULT =
      new InboundSyncConfig(
          true, DEFAULT_POLL_INTERVAL, DEFAULT_OVERLAP, DEFAULT_PAGE_SIZE, NewSubscribersConfig.DEFAULT);

  public InboundSyncConfig {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(newSubscribers, "newSubscribers");
  }

  /**
   * What a Spotler contact that no Dataverse row is linked to becomes: a contact without an external id (a form
   * subscription), or with one the connector never linked. The new row is linked and Spotler learns its id.
   *
   * @param createAs the kind of row
   * @param matchOn for {@link CreateAs#CONTACT} and {@link CreateAs#ENTITY}: the columns that identify the same person
   *     (a dedupe rule): a row whose columns all hold the Spotler contact's values, as the mapping gives them, is
   *     updated; without one a row is created; several such rows are left for a person to review
   * @param entity for {@link CreateAs#ENTITY}: the logical name of the custom table, e.g. an iFunds membership entry
   * @param source optionally a column set on every row created this way, recording the channel
   */
  public record NewSubscribersConfig(
      CreateAs createAs, List<String> matchOn, Optional<String> entity, Optional<SourceColumn> source) {
    public static final List<String> DEFAULT_MATCH_ON = List.of("emailaddress1");
    public static final NewSubscribersConfig DEFAULT =
        new NewSubscribersConfig(CreateAs.DEFAULT, DEFAULT_MATCH_ON, Optional.empty(), Optional.empty());

    public NewSubscribersConfig {
      Objects.requireNonNull(createAs, "createAs");
      matchOn = List.copyOf(matchOn);
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(source, "source");
      if (createAs == CreateAs.ENTITY && entity.isEmpty()) {
        throw new IllegalArgumentException("createAs entity needs the entity's logical name");
      }
      if (createAs.findsExisting() && matchOn.isEmpty()) {
        throw new IllegalArgumentException("createAs " + createAs + " needs at least one matchOn column");
      }
    }
  }

  /** The kind of Dataverse row a new Spotler subscriber becomes. */
  public enum CreateAs {
    /** {@code lead}: always a new lead (the default); leads are expected to be qualified and merged by people. */
    LEAD("lead", false),
    /** {@code contact}: the contact that matches, or a new one. */
    CONTACT("contact", true),
    /** {@code entity}: the row of a custom table that matches, or a new one. */
    ENTITY("entity", true),
    /** {@code ignore}: nothing; only contacts already linked to a Dataverse row sync back. */
    IGNORE("ignore", false);

    public static final CreateAs DEFAULT = LEAD;

    private final String configName;
    private final boolean findsExisting;

    CreateAs(String configName, boolean findsExisting) {
      this.configName = configName;
      this.findsExisting = findsExisting;
    }

    /** Whether an existing row is looked for, by {@link NewSubscribersConfig#matchOn}, before one is created. */
    public boolean findsExisting() {
      return findsExisting;
    }

    /**
     * @throws IllegalArgumentException listing the allowed names
     */
    public static CreateAs parse(String text) {
      return Arrays.stream(values())
          .filter(value -> value.configName.equalsIgnoreCase(text.strip()))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              "use one of " + Arrays.stream(values()).map(v -> v.configName).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
      return configName;
    }
  }

  /**
   * A column, and the value it gets, on every row created for a new subscriber.
   *
   * @param value the value as written, e.g. {@code Spotler} for a choice option of that label
   */
  public record SourceColumn(String column, String value) {
    public SourceColumn {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(value, "value");
    }
  }
}
