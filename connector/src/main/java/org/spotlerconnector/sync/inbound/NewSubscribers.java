package org.spotlerconnector.sync.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.config.InboundSyncConfig.CreateAs;
import org.spotlerconnector.config.InboundSyncConfig.NewSubscribersConfig;
import org.spotlerconnector.dataverse.BadRequestException;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.OutcomeUnknownException;
import org.spotlerconnector.dataverse.PreconditionFailedException;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.mapping.ColumnMetadata;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.SpotlerSchema;
import org.spotlerconnector.schema.TableMetadata;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusInvalidRequestException;
import org.spotlerconnector.spotler.SpotlerContact;
import org.spotlerconnector.store.PendingReview;
import org.spotlerconnector.store.RecordLink;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.store.SyncedRecord;
import org.spotlerconnector.sync.inbound.SubscriberColumns.SubscriberValues;

/**
 * Turns Spotler contacts that no Dataverse row is linked to into rows of the table {@code sync.inbound.newSubscribers}
 * names, links them, and lets Spotler know the row id (design.md §4.3, the manual's "New Subscribers"):
 *
 * <ul>
 *   <li>{@code lead}: always a new row, even for an e-mail address a lead already has;
 *   <li>{@code contact} and {@code entity}: the rows whose {@code matchOn} columns all hold the subscriber's values
 *       (the e-mail address by default) are looked up. One row is updated with the columns mapped {@code <-} or
 *       {@code <->}; without one a row is created; two or more are never merged silently: the subscriber is left for
 *       a person (store {@code pending_reviews}) and nothing is written.
 * </ul>
 *
 * <p>A contact whose externalId is the id of a row of the table is that row's, whatever the strategy: Spotler
 * already addresses the row's contact by it. A created row gets the {@code source} column's value. Then the link and the base of the three-way merge (the
 * mapped values as written) are stored, in one transaction. A contact without externalId (a form sign-up) gets the
 * row id as its externalId through {@link MailPlusClient#linkExternalId}; one whose externalId another system set
 * keeps it, and the row is linked to it as it is.
 *
 * <p>Idempotent, as the overlapping feed windows require: a created row's id is derived from the contact ({@link
 * SubscriberRowId}), so a repeated page, or a crash between creating and linking, finds the row of the earlier attempt
 * instead of making a second one. A subscriber whose values do not fit the table, or whom Spotler does not link, is
 * also left for review, so that one contact never holds up the feed; failures that a later attempt may not meet
 * (Dataverse or Spotler unavailable) are thrown, and the page is read again. Logs name the Spotler contact by its
 * encryptedId and never show e-mail addresses or other values. Not thread-safe: one feed reader calls it.
 */
public final class NewSubscribers implements NewSubscriberHandler {
  private static final Logger LOG = LoggerFactory.getLogger(NewSubscribers.class);
  private static final String LINKED = "OK";

  private final String connectionId;
  private final NewSubscribersConfig config;
  private final TableMetadata table;
  private final SubscriberColumns columns;
  private final MatchingRows matchingRows;
  private final DataverseClient dataverse;
  private final MailPlusClient spotler;
  private final Store store;
  private final Clock clock;

  /** What became of one subscriber. */
  private enum Outcome {
    CREATED,
    UPDATED,
    LEFT_FOR_REVIEW,
    SKIPPED
  }

  /**
   * What the handler is built from besides the services.
   *
   * @param mapping the configured mapping rows; they say which Spotler field fills which column
   * @param spotlerSchema the account's contact properties, for the fields' types
   * @param zone spotler.timeZone
   */
  public record Settings(
      String connectionId,
      NewSubscribersConfig config,
      List<FieldMapping> mapping,
      SpotlerSchema spotlerSchema,
      ZoneId zone) {
    public Settings {
      Objects.requireNonNull(connectionId, "connectionId");
      Objects.requireNonNull(config, "config");
      mapping = List.copyOf(mapping);
      Objects.requireNonNull(spotlerSchema, "spotlerSchema");
      Objects.requireNonNull(zone, "zone");
    }
  }

  private NewSubscribers(
      Settings settings,
      TableMetadata table,
      SubscriberColumns columns,
      DataverseClient dataverse,
      MailPlusClient spotler,
      Store store,
      Clock clock) {
    this.connectionId = settings.connectionId();
    this.config = settings.config();
    this.table = table;
    this.columns = columns;
    this.matchingRows = new MatchingRows(dataverse, table);
    this.dataverse = dataverse;
    this.spotler = spotler;
    this.store = store;
    this.clock = clock;
  }

  /**
   * The handler for {@code createAs}; {@link NewSubscriberHandler#IGNORE} for {@code ignore}.
   *
   * @param tables a table's definition with its column details by logical name, empty when Dataverse has no such
   *     table, e.g. {@code LiveDataverseSchema::metadata}
   * @throws IllegalArgumentException listing every problem when the table is missing, or the mapping, {@code matchOn}
   *     or {@code source} do not fit it
   */
  public static NewSubscriberHandler create(
      Settings settings,
      Function<String, Optional<TableMetadata>> tables,
      DataverseClient dataverse,
      MailPlusClient spotler,
      Store store,
      Clock clock) {
    CreateAs createAs = settings.config().createAs();
    if (createAs == CreateAs.IGNORE) {
      return NewSubscriberHandler.IGNORE;
    }
    String logicalName = createAs == CreateAs.ENTITY ? settings.config().entity().orElseThrow() : createAs.toString();
    TableMetadata table =
        tables.apply(logicalName).orElseThrow(() -> new IllegalArgumentException(
            "sync.inbound.newSubscribers: Dataverse has no table " + logicalName + " (or the application user cannot"
                + " read it), so new subscribers cannot be created as " + createAs));
    SubscriberColumns columns =
        SubscriberColumns.compile(
            table, settings.config(), settings.mapping(), settings.spotlerSchema(), settings.zone());
    return new NewSubscribers(settings, table, columns, dataverse, spotler, store, clock);
  }

  @Override
  public void handle(List<SpotlerContact> unlinked) {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    for (SpotlerContact contact : unlinked) {
      outcomes.merge(handle(contact), 1, Integer::sum);
    }
    if (!unlinked.isEmpty()) {
      LOG.atInfo()
          .addKeyValue("table", table.logicalName())
          .addKeyValue("created", outcomes.getOrDefault(Outcome.CREATED, 0))
          .addKeyValue("updated", outcomes.getOrDefault(Outcome.UPDATED, 0))
          .addKeyValue("leftForReview", outcomes.getOrDefault(Outcome.LEFT_FOR_REVIEW, 0))
          .addKeyValue("skipped", outcomes.getOrDefault(Outcome.SKIPPED, 0))
          .log("New Spotler subscribers handled");
    }
  }

  private Outcome handle(SpotlerContact contact) {
    if (isBlank(contact.encryptedId())) {
      LOG.atWarn().log("Skipped a Spotler contact without encryptedId: it cannot be told apart from others");
      return Outcome.SKIPPED;
    }
    Subscriber subscriber = new Subscriber(contact);
    if (subscriber.needsExternalId() && subscriber.email().isEmpty()) {
      return review(subscriber, List.of(),
          "the contact has neither an externalId nor an e-mail address, so Spotler cannot be given the row id");
    }
    SubscriberValues values;
    try {
      values = columns.valuesOf(contact);
    } catch (IllegalArgumentException doesNotFit) {
      return review(subscriber, List.of(), doesNotFit.getMessage());
    }
    if (values.isEmpty()) {
      LOG.atDebug().addKeyValue("encryptedId", contact.encryptedId())
          .log("Skipped a new Spotler subscriber without a value in any mapped field");
      return Outcome.SKIPPED;
    }
    Optional<String> ownRow = rowNamedBy(subscriber);
    if (ownRow.isPresent()) {
      return updateRow(subscriber, values, ownRow.get());
    }
    if (subscriber.hasExternalId()) {
      // The connector addresses a Spotler contact by its Dataverse row id; linking a row to another system's id would
      // make the outbound flow create a second contact under the row id. A person decides which id wins.
      return review(subscriber, List.of(),
          "the contact has an externalId that is no " + table.logicalName() + " row id (another system gave it);"
              + " give it the row id of its Dynamics 365 record, or remove the externalId to let it be linked");
    }
    if (config.createAs().findsExisting()) {
      Optional<Map<ColumnMetadata, JsonNode>> matchValues = values.matchValues();
      List<String> candidates = matchValues.map(matchingRows::find).orElse(List.of());
      if (candidates.size() > 1) {
        return review(subscriber, candidates,
            "several " + table.logicalName() + " rows have the same " + String.join(", ", config.matchOn())
                + "; merge them or decide which one is this subscriber");
      }
      if (candidates.size() == 1) {
        return updateRow(subscriber, values, candidates.get(0));
      }
    }
    return createRow(subscriber, values);
  }

  /**
   * The row whose id the contact's externalId is. Spotler already addresses that row's contact by it, but the store
   * has no link: a crash came between linking and storing, or Spotler gave the row id to another contact than the
   * sign-up it was meant for. A second row for it would be a duplicate.
   */
  private Optional<String> rowNamedBy(Subscriber subscriber) {
    Optional<UUID> id = subscriber.hasExternalId() ? guid(subscriber.contact().externalId()) : Optional.empty();
    return id.flatMap(rowId ->
        dataverse.retrieve(table.entitySetName(), RecordKey.id(rowId), table.primaryIdAttribute())
            .map(row -> rowId.toString()));
  }

  /** A Dataverse id written as 36 characters; {@link UUID#fromString} alone would take shorter forms too. */
  private static Optional<UUID> guid(String text) {
    if (text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException notAGuid) {
      return Optional.empty();
    }
  }

  private Outcome updateRow(Subscriber subscriber, SubscriberValues values, String rowId) {
    Optional<Outcome> linkedBefore = linkedBefore(subscriber, rowId);
    if (linkedBefore.isPresent()) {
      return linkedBefore.get();
    }
    ObjectNode changes = values.updateBody();
    if (!changes.isEmpty()) {
      try {
        dataverse.update(table.entitySetName(), RecordKey.id(rowId), changes);
      } catch (BadRequestException refused) {
        return review(subscriber, List.of(rowId), refusal("update", refused));
      }
    }
    return link(subscriber, rowId, values.base(true), Outcome.UPDATED);
  }

  private Outcome createRow(Subscriber subscriber, SubscriberValues values) {
    String rowId = SubscriberRowId.of(connectionId, table.logicalName(), subscriber.contact().encryptedId());
    Optional<Outcome> linkedBefore = linkedBefore(subscriber, rowId);
    if (linkedBefore.isPresent()) {
      return linkedBefore.get();
    }
    ObjectNode row = values.createBody();
    row.put(table.primaryIdAttribute(), rowId);
    try {
      createOnce(row);
    } catch (BadRequestException refused) {
      return review(subscriber, List.of(), refusal("creation", refused));
    }
    return link(subscriber, rowId, values.base(false), Outcome.CREATED);
  }

  /**
   * What to do when the row is linked already: nothing when it is linked to this contact (an earlier attempt finished;
   * a page read again holds the contact as it was before), a review when it is linked to another contact, whose
   * externalId linking would take away or change.
   */
  private Optional<Outcome> linkedBefore(Subscriber subscriber, String rowId) {
    Optional<RecordLink> link = store.recordLinks().findByRecord(connectionId, table.logicalName(), rowId);
    if (link.isEmpty()) {
      return Optional.empty();
    }
    if (isLinkedTo(link.get().externalId(), subscriber)) {
      return Optional.of(Outcome.SKIPPED);
    }
    return Optional.of(review(subscriber, List.of(rowId),
        "the " + table.logicalName() + " row is already linked to another Spotler contact"));
  }

  private boolean isLinkedTo(String externalId, Subscriber subscriber) {
    if (subscriber.hasExternalId()) {
      return externalId.equals(subscriber.contact().externalId());
    }
    String encryptedId = subscriber.contact().encryptedId();
    return spotler.getContact(externalId).map(SpotlerContact::encryptedId).filter(encryptedId::equals).isPresent();
  }

  /**
   * Creates the row unless an earlier attempt did: Dataverse answers 412 to a create with the id of an existing row
   * (dataverse-api.md §2.6). That also makes a create whose answer was lost safe to send once more.
   */
  private void createOnce(ObjectNode row) {
    try {
      dataverse.create(table.entitySetName(), row);
    } catch (PreconditionFailedException createdBefore) {
      // the row of an earlier attempt
    } catch (OutcomeUnknownException mayHaveBeenCreated) {
      try {
        dataverse.create(table.entitySetName(), row);
      } catch (PreconditionFailedException createdByTheFirstTry) {
        // the lost answer was a success
      }
    }
  }

  private Outcome link(Subscriber subscriber, String rowId, ObjectNode base, Outcome outcome) {
    String externalId = subscriber.externalIdFor(rowId);
    if (subscriber.needsExternalId()) {
      boolean linked;
      try {
        linked = spotler.linkExternalId(subscriber.contact().encryptedId(), subscriber.email().orElseThrow(), rowId);
      } catch (MailPlusInvalidRequestException refused) {
        return review(subscriber, List.of(rowId),
            "Spotler refused to give the contact the row id as its externalId ("
                + refused.errorType().orElse(String.valueOf(refused.status())) + ")");
      }
      if (!linked) {
        return review(subscriber, List.of(rowId),
            "Spotler did not give the contact the row id as its externalId (ADR 0004); it may have created another"
                + " contact with it. Check the account's deduplication settings, then link the contact by hand");
      }
    }
    Instant now = clock.instant();
    store.inTransaction(repositories -> {
      repositories.recordLinks().link(
          connectionId, List.of(new RecordLink(table.logicalName(), rowId, externalId, now, LINKED)));
      repositories.syncedValues().put(connectionId, List.of(SyncedRecord.of(table.logicalName(), rowId, base, now)));
      repositories.pendingReviews().remove(connectionId, List.of(subscriber.contact().encryptedId()));
    });
    LOG.atDebug()
        .addKeyValue("encryptedId", subscriber.contact().encryptedId())
        .addKeyValue("table", table.logicalName())
        .addKeyValue("recordId", rowId)
        .addKeyValue("outcome", outcome)
        .log("New Spotler subscriber linked");
    return outcome;
  }

  private Outcome review(Subscriber subscriber, List<String> candidateIds, String reason) {
    SpotlerContact contact = subscriber.contact();
    store.pendingReviews().add(connectionId, List.of(
        new PendingReview(
            contact.encryptedId(),
            subscriber.hasExternalId() ? contact.externalId() : null,
            subscriber.email().map(PendingReview::maskEmail).orElse(null),
            table.logicalName(),
            candidateIds,
            reason,
            clock.instant())));
    LOG.atWarn()
        .addKeyValue("encryptedId", contact.encryptedId())
        .addKeyValue("table", table.logicalName())
        .addKeyValue("candidates", candidateIds.size())
        .log("New Spotler subscriber left for review: {}", reason);
    return Outcome.LEFT_FOR_REVIEW;
  }

  /** Dataverse's error code, not its message, which may quote the refused value. */
  private String refusal(String what, BadRequestException refused) {
    return "Dataverse refused the " + what + " of the " + table.logicalName() + " row (" + refused.status() + " "
        + refused.errorCode() + ")";
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** A contact from the feed, with what linking it depends on. */
  private record Subscriber(SpotlerContact contact, Optional<String> email) {
    Subscriber(SpotlerContact contact) {
      this(contact, contact.textProperty(MailPlusClient.EMAIL_PROPERTY).map(String::strip).filter(e -> !e.isEmpty()));
    }

    boolean hasExternalId() {
      return !isBlank(contact.externalId());
    }

    /** A form sign-up has no externalId and gets the row id; one another system gave an externalId keeps it. */
    boolean needsExternalId() {
      return !hasExternalId();
    }

    String externalIdFor(String rowId) {
      return hasExternalId() ? contact.externalId() : rowId;
    }
  }
}
