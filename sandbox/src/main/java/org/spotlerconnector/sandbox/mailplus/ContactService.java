package org.spotlerconnector.sandbox.mailplus;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Mail+ does to contacts: create, update with the {@code update}/{@code purge} flags (spotler-api.md §2.4, §2.5,
 * Q10, Q11), sign-ups without externalId (§2.3, §2.12), per-bit permission merges (§2.3), anonymisation (§2.10). Every
 * accepted write stamps a new {@code lastChanged}, which is what the updates feed reports (§2.7).
 */
final class ContactService {
  private final Clock clock;
  private final ZoneId accountZone;
  private final ContactStore store = new ContactStore(this::emailKey);
  private final SecureRandom random = new SecureRandom();
  private volatile AccountProperties account;

  ContactService(Clock clock, ZoneId accountZone, List<PropertyDefinition> definitions) {
    this.clock = clock;
    this.accountZone = accountZone;
    this.account = new AccountProperties(definitions);
  }

  AccountProperties account() {
    return account;
  }

  ZoneId accountZone() {
    return accountZone;
  }

  ContactStore store() {
    return store;
  }

  Optional<StoredContact> get(String externalId) {
    return store.get(externalId);
  }

  Optional<StoredContact> byEncryptedId(String encryptedId) {
    return store.byEncryptedId(encryptedId);
  }

  /**
   * {@code POST /contact} and one contact of {@code POST /contact/list}: {@code update=false} refuses an existing
   * contact, {@code update=true} creates or updates, and links a sign-up to the externalId (ADR 0004).
   */
  StoredContact insert(ContactInput input, boolean update, boolean purge) {
    return store.write(
        found -> update ? existingOrLinkable(found, input) : found.get(input.externalId()).orElse(null),
        current -> {
          if (current != null && !update) {
            throw new MailPlusException(400, ErrorType.CONTACT_ALREADY_EXISTS, "Contact already exists");
          }
          return changed(current, input, purge);
        });
  }

  /**
   * {@code POST /subscription/subscribe}: "Adds a contact to Mailplus. A unique identifier externalId is NOT
   * required" (Swagger subscribeContact); its 400 "Email is invalid" makes the e-mail address required. What happens
   * to an address that is already known is not documented. Deduplication is configured per account (spotler-api.md
   * §2.4), and a sign-up without externalId has only its e-mail to be recognised by, so the sandbox emulates an
   * account that deduplicates sign-ups on e-mail: an address one or more contacts have updates the first created of
   * them like {@code purge=false} (a re-subscription turns its permission bits on again, other bits stay), keeping
   * its externalId; a new address creates a contact without externalId. With an externalId the sign-up is keyed on it
   * like {@code POST /contact} with {@code update=true}.
   */
  StoredContact subscribe(ContactInput input) {
    return store.write(
        found -> {
          String email = inputEmail(input).orElseThrow(() -> new InvalidPropertyException("Email is invalid"));
          return input.externalId() != null
              ? existingOrLinkable(found, input)
              : found.withEmail(email).stream().findFirst().orElse(null);
        },
        current -> changed(current, input, false));
  }

  /** {@code PUT /contact/{externalId}}: only an existing contact. */
  StoredContact update(ContactInput input, boolean purge) {
    return store.write(
        input.externalId(),
        current -> {
          if (current == null) {
            throw MailPlusException.contactNotFound();
          }
          return changed(current, input, purge);
        });
  }

  /** {@code PUT /contact/anonymize/{externalId}}: the contact stays, without any personal data or permission. */
  StoredContact anonymize(String externalId) {
    return store.write(
        externalId,
        current -> {
          if (current == null) {
            throw MailPlusException.contactNotFound();
          }
          return new StoredContact(
              externalId, current.encryptedId(), current.createdMillis(), clock.millis(), 0, false, false, Map.of());
        });
  }

  /** A change made by a person in the Mail+ application: merged like {@code purge=false}, and a new lastChanged. */
  StoredContact edit(ContactInput input) {
    return update(input, false);
  }

  /** As {@link #edit}, for any contact, also one without externalId. */
  StoredContact editByEncryptedId(String encryptedId, ContactInput input) {
    return store.write(
        found -> found.byEncryptedId(encryptedId).orElseThrow(MailPlusException::contactNotFound),
        current -> changed(current, input, false));
  }

  /**
   * Stores a contact as given (properties replaced), keeping its dates when the input has them. The contact is found
   * by externalId, else by encryptedId; without either it is a new one, possibly without externalId (a sign-up).
   * Without a {@code lastChanged} in the input, {@code touch} decides whether this counts as a change.
   */
  StoredContact seed(ContactInput input, boolean touch) {
    return store.write(
        found ->
            Optional.ofNullable(input.externalId())
                .flatMap(found::get)
                .or(() -> Optional.ofNullable(input.encryptedId()).flatMap(found::byEncryptedId))
                .orElse(null),
        current -> {
          long now = clock.millis();
          Map<String, Object> properties = merged(Map.of(), input.propertyChanges(account, accountZone), true);
          long created = input.createdMillis() != null ? input.createdMillis() : current != null ? current.createdMillis() : now;
          long lastChanged =
              input.lastChangedMillis() != null
                  ? input.lastChangedMillis()
                  : current != null && !touch ? current.lastChangedMillis() : now;
          String encryptedId =
              input.encryptedId() != null ? input.encryptedId() : current != null ? current.encryptedId() : newEncryptedId();
          return new StoredContact(
              input.externalId() != null ? input.externalId() : current != null ? current.externalId() : null,
              encryptedId,
              created,
              lastChanged,
              0,
              Boolean.TRUE.equals(input.testGroup()),
              Boolean.TRUE.equals(input.temporary()),
              properties);
        });
  }

  /** Replaces the account's properties; stored values of removed or retyped properties are dropped. */
  void replaceProperties(List<PropertyDefinition> definitions) {
    AccountProperties next = new AccountProperties(definitions);
    store.exclusively(
        () -> {
          AccountProperties previous = account;
          account = next;
          store.rewriteAll(contact -> contact.withProperties(stillDefined(contact.properties(), previous, next)));
        });
  }

  /** Adds an option, such as a permission, to a set property; contacts have it switched off. */
  void addSetEntry(String setProperty, long bit, String description) {
    store.exclusively(
        () -> {
          PropertyDefinition extended =
              account
                  .get(setProperty)
                  .orElseThrow(() -> new IllegalArgumentException("no property " + setProperty))
                  .withEntry(bit, description);
          replaceProperties(
              account.all().stream().map(d -> d.name().equals(extended.name()) ? extended : d).toList());
        });
  }

  void reset(List<PropertyDefinition> definitions) {
    store.exclusively(
        () -> {
          store.clear();
          account = new AccountProperties(definitions);
        });
  }

  private StoredContact changed(StoredContact current, ContactInput input, boolean purge) {
    Map<String, PropertyChange> changes = input.propertyChanges(account, accountZone);
    long now = clock.millis();
    if (current == null) {
      return new StoredContact(
          input.externalId(),
          newEncryptedId(),
          now,
          now,
          0,
          Boolean.TRUE.equals(input.testGroup()),
          false,
          merged(Map.of(), changes, purge));
    }
    return new StoredContact(
        input.externalId() != null ? input.externalId() : current.externalId(),
        current.encryptedId(),
        current.createdMillis(),
        now,
        0,
        input.testGroup() != null ? input.testGroup() : current.testGroup(),
        current.temporary(),
        merged(current.properties(), changes, purge));
  }

  /**
   * The contact with the input's externalId; failing that, the one sign-up this externalId links to (ADR 0004): the
   * only contact with the input's e-mail, provided it has no externalId. An e-mail of a contact that has an
   * externalId, or of several contacts, links nothing: a new contact is created, as it would be without the rule.
   */
  private StoredContact existingOrLinkable(ContactStore found, ContactInput input) {
    return found
        .get(input.externalId())
        .orElseGet(
            () -> {
              List<StoredContact> sameEmail = inputEmail(input).map(found::withEmail).orElse(List.of());
              return sameEmail.size() == 1 && sameEmail.get(0).externalId() == null ? sameEmail.get(0) : null;
            });
  }

  /** The e-mail address the input sets, normalised as {@link #emailKey} does. */
  private Optional<String> inputEmail(ContactInput input) {
    return emailProperty()
        .map(d -> input.propertyChanges(account, accountZone).get(d.name()))
        .filter(PropertyChange.Assign.class::isInstance)
        .map(change -> normalisedEmail(((PropertyChange.Assign) change).value()));
  }

  /** A stored contact's e-mail address, lower case: addresses differing only in case are the same (§2.6 search). */
  private Optional<String> emailKey(StoredContact contact) {
    return emailProperty().map(d -> contact.properties().get(d.name())).map(ContactService::normalisedEmail);
  }

  /** The account's e-mail property: the one of type {@code email}, which the EMAIL channel derives from (§2.1). */
  private Optional<PropertyDefinition> emailProperty() {
    return account.all().stream().filter(d -> d.type() == PropertyType.EMAIL).findFirst();
  }

  private static String normalisedEmail(Object value) {
    return String.valueOf(value).toLowerCase(Locale.ROOT);
  }

  /** {@code purge=true}: "Existing properties will be purged if not set"; otherwise unsent properties stay. */
  private static Map<String, Object> merged(
      Map<String, Object> current, Map<String, PropertyChange> changes, boolean purge) {
    Map<String, Object> result = purge ? new HashMap<>() : new HashMap<>(current);
    changes.forEach(
        (name, change) -> {
          if (change instanceof PropertyChange.Assign assign) {
            result.put(name, assign.value());
          } else if (change instanceof PropertyChange.SetBits bits) {
            long before = !purge && current.get(name) instanceof SetValue set ? set.enabledBits() : 0;
            result.put(name, new SetValue(bits.applyTo(before)));
          } else {
            result.remove(name);
          }
        });
    return result;
  }

  private static Map<String, Object> stillDefined(
      Map<String, Object> properties, AccountProperties previous, AccountProperties next) {
    Map<String, Object> kept = new HashMap<>();
    properties.forEach(
        (name, value) -> {
          Optional<PropertyDefinition> before = previous.get(name);
          Optional<PropertyDefinition> after = next.get(name);
          if (before.isPresent() && after.isPresent() && before.get().type() == after.get().type()) {
            kept.put(after.get().name(), keptValue(value, after.get()));
          }
        });
    return kept;
  }

  /** A set keeps only the bits that are still options. */
  private static Object keptValue(Object value, PropertyDefinition definition) {
    if (value instanceof SetValue set) {
      long definedBits = definition.entries().stream().mapToLong(SetPropertyEntry::bit).reduce(0, (a, b) -> a | b);
      return new SetValue(set.enabledBits() & definedBits);
    }
    return value;
  }

  private String newEncryptedId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
