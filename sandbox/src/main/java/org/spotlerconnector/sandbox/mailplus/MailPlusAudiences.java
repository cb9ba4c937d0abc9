package org.spotlerconnector.sandbox.mailplus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The account's audiences (spotler-api.md §5 and the Swagger spec's {@code audience} and {@code audience-contact}
 * resources): externally managed groups of contacts, keyed by the caller's {@code externalId}. Only the Automation and
 * eCommerce products have them; an account without answers 403 to every audience call ({@link #available(boolean)}).
 * The spec states the refusals but the error bodies only for unknown contacts; the others answer the usual
 * {@code {errorType, message}} with the spec's message text.
 *
 * <p>Thread-safe; each operation is atomic.
 */
public final class MailPlusAudiences {
  /** "Maximum batch size of contactIds: 2500". */
  public static final int MAX_CONTACTS_PER_CALL = 2_500;
  static final int MAX_LENGTH = 255;
  static final String NOT_IN_PRODUCT = "Only Automation or eCommerce products can use this call";

  private final Clock clock;
  private final Predicate<String> contactExists;
  private final boolean initiallyAvailable;
  private final Map<String, State> byExternalId = new LinkedHashMap<>();
  private boolean available;
  private int maximum = Integer.MAX_VALUE;

  /** An audience as the API shows it, with the sandbox's view of it: whether it is in use and how many it holds. */
  public record Audience(
      String externalId,
      String name,
      String description,
      Instant createDate,
      Instant changeDate,
      Instant lastContactAddedAt,
      Instant lastContactRemovedAt,
      Instant lastSyncDate,
      boolean inUse,
      int size) {}

  private static final class State {
    final String externalId;
    final Instant createDate;
    final Set<String> contacts = new LinkedHashSet<>();
    String name;
    String description;
    Instant changeDate;
    Instant lastContactAddedAt;
    Instant lastContactRemovedAt;
    Instant lastSyncDate;
    boolean inUse;

    State(String externalId, Instant now) {
      this.externalId = externalId;
      this.createDate = now;
      this.changeDate = now;
    }

    Audience view() {
      return new Audience(externalId, name, description, createDate, changeDate, lastContactAddedAt,
          lastContactRemovedAt, lastSyncDate, inUse, contacts.size());
    }
  }

  MailPlusAudiences(Clock clock, Predicate<String> contactExists, boolean available) {
    this.clock = clock;
    this.contactExists = contactExists;
    this.initiallyAvailable = available;
    this.available = available;
  }

  // ---- in-process inspection and arrangement ----

  /** Every audience, oldest first. */
  public synchronized List<Audience> all() {
    return byExternalId.values().stream().map(State::view).toList();
  }

  public synchronized Optional<Audience> audience(String externalId) {
    return Optional.ofNullable(byExternalId.get(externalId)).map(State::view);
  }

  /**
   * The externalIds of an audience's contacts, in the order they were added.
   *
   * @throws NoSuchElementException when there is no such audience
   */
  public synchronized List<String> contacts(String externalId) {
    return List.copyOf(existing(externalId).contacts);
  }

  /**
   * Marks an audience as used (by a mailing or automation) or not; one in use cannot be deleted (417).
   *
   * @throws NoSuchElementException when there is no such audience
   */
  public synchronized void inUse(String externalId, boolean inUse) {
    existing(externalId).inUse = inUse;
  }

  /** Whether the account's product has audiences (Automation, eCommerce); without them every call answers 403. */
  public synchronized boolean available() {
    return available;
  }

  public synchronized void available(boolean available) {
    this.available = available;
  }

  /** The most audiences the account may have ("Maximum of audiences exceeded"; the real maximum is not stated). */
  public synchronized int maximum() {
    return maximum;
  }

  public synchronized void maximum(int maximum) {
    if (maximum < 0) {
      throw new IllegalArgumentException("the maximum must be zero or more");
    }
    this.maximum = maximum;
  }

  synchronized void reset() {
    byExternalId.clear();
    available = initiallyAvailable;
    maximum = Integer.MAX_VALUE;
  }

  // ---- the API operations ----

  /** {@code POST /audience}: 200 with the audience; 417 for an empty, too long or used name or id, or too many. */
  synchronized Audience create(String externalId, String name, String description) {
    requireAvailable();
    if (externalId == null || externalId.isEmpty() || externalId.length() > MAX_LENGTH) {
      throw expectationFailed(ErrorType.INVALID_PARAMS, "Audience id can not be empty or more than 255 characters");
    }
    requireValidName(name, null);
    if (byExternalId.containsKey(externalId)) {
      throw expectationFailed(ErrorType.ID_NOTUNIQUE, "Audience id must be unique");
    }
    if (byExternalId.size() >= maximum) {
      throw expectationFailed(ErrorType.INVALID_STATE, "Maximum of audiences exceeded");
    }
    State state = new State(externalId, clock.instant());
    state.name = name;
    state.description = description;
    byExternalId.put(externalId, state);
    return state.view();
  }

  /** {@code GET /audience/{externalId}}: 404 when there is none. */
  synchronized Audience get(String externalId) {
    requireAvailable();
    return found(externalId).view();
  }

  /**
   * {@code PUT /audience/{externalId}} with an {@code Audience}: its {@code externalId} must be the path's (400), the
   * name valid and unused by another audience (417). The dates cannot be modified; the description is replaced.
   */
  synchronized Audience update(String pathId, String bodyId, String name, String description) {
    requireAvailable();
    if (!pathId.equals(bodyId)) {
      throw MailPlusException.invalidParams("Path id doesn't match audience id");
    }
    State state = found(pathId);
    requireValidName(name, pathId);
    state.name = name;
    state.description = description;
    state.changeDate = clock.instant();
    return state.view();
  }

  /** {@code DELETE /audience/{externalId}}: 417 while it is in use. */
  synchronized void delete(String externalId) {
    requireAvailable();
    if (found(externalId).inUse) {
      throw expectationFailed(ErrorType.INVALID_STATE, "Cannot delete audience, as it's in use");
    }
    byExternalId.remove(externalId);
  }

  /**
   * {@code POST /audience/{externalId}/contact}: 413 above 2,500 ids; 404 with the ids of contacts that do not exist,
   * and then none is added (as a temporary list with a missing contact is not created, spotler-api.md §5).
   */
  synchronized void addContacts(String externalId, List<String> contactIds) {
    requireAvailable();
    State state = found(externalId);
    requireBatchSize(contactIds);
    List<String> missing = contactIds.stream().filter(id -> !contactExists.test(id)).distinct().toList();
    if (!missing.isEmpty()) {
      throw new AudienceContactsNotFoundException(missing);
    }
    Instant now = clock.instant();
    if (state.contacts.addAll(contactIds)) {
      state.lastContactAddedAt = now;
      state.lastSyncDate = now;
    }
  }

  /** {@code DELETE /audience/{externalId}/contact} with ids: ids that are not in the audience are skipped. */
  synchronized void removeContacts(String externalId, List<String> contactIds) {
    requireAvailable();
    State state = found(externalId);
    requireBatchSize(contactIds);
    removed(state, state.contacts.removeAll(contactIds));
  }

  /** {@code DELETE /audience/{externalId}/contact} without a body: "Use a null body to remove all contacts". */
  synchronized void removeAllContacts(String externalId) {
    requireAvailable();
    State state = found(externalId);
    boolean any = !state.contacts.isEmpty();
    state.contacts.clear();
    removed(state, any);
  }

  private void removed(State state, boolean any) {
    if (any) {
      Instant now = clock.instant();
      state.lastContactRemovedAt = now;
      state.lastSyncDate = now;
    }
  }

  /** 403 when the account's product has no audiences; every audience call checks this first. */
  synchronized void requireAvailable() {
    if (!available) {
      throw new MailPlusException(403, ErrorType.NOT_AUTHORIZED, NOT_IN_PRODUCT);
    }
  }

  private void requireValidName(String name, String self) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
      throw expectationFailed(ErrorType.INVALID_PARAMS, "Audience name can not be empty or more than 255 characters");
    }
    for (State other : byExternalId.values()) {
      if (other.name.equals(name) && !other.externalId.equals(self)) {
        throw expectationFailed(ErrorType.NAME_ALREADY_IN_USE, "Audience name must be unique");
      }
    }
  }

  private static void requireBatchSize(Collection<String> contactIds) {
    if (contactIds.size() > MAX_CONTACTS_PER_CALL) {
      throw new MailPlusException(
          413, ErrorType.INVALID_PARAMS, "Maximum batch size of contact ids exceeded(maximum is 2500)");
    }
  }

  private State found(String externalId) {
    State state = byExternalId.get(externalId);
    if (state == null) {
      throw new MailPlusException(404, ErrorType.RESOURCE_NOT_FOUND, "Audience not found");
    }
    return state;
  }

  private State existing(String externalId) {
    State state = byExternalId.get(externalId);
    if (state == null) {
      throw new NoSuchElementException("no audience " + externalId);
    }
    return state;
  }

  private static MailPlusException expectationFailed(ErrorType type, String message) {
    return new MailPlusException(417, type, message);
  }

  /** The 404 whose body is an {@code AudienceContactErrorResponse}, naming the contacts that were not found. */
  static final class AudienceContactsNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> externalContactIds;

    AudienceContactsNotFoundException(List<String> externalContactIds) {
      super("Contacts not found", null, false, false);
      this.externalContactIds = new ArrayList<>(externalContactIds);
    }

    List<String> externalContactIds() {
      return externalContactIds;
    }
  }
}
