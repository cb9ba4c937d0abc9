package org.spotlerconnector.spotler;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.spotler.ContactRequests.ContactBatch;
import org.spotlerconnector.spotler.ContactRequests.ContactBody;
import org.spotlerconnector.spotler.ContactRequests.SingleContact;

/**
 * The Mail+ REST API's contact calls (spotler-api.md §2), signed with OAuth 1.0a, rate-limited, and retried on 429, 5xx
 * and network failures. Errors that repeating cannot fix are thrown at once as {@link MailPlusException} subclasses;
 * when retries run out a {@link MailPlusUnavailableException} is thrown.
 *
 * <p>Every contact call here is idempotent (upserts with {@code update:true}, reads, anonymize), which is what makes
 * retrying after a lost answer safe. Calls sent with {@link #send(MailPlusRequest)} say themselves whether they are;
 * one that is not is never repeated once it may have reached Mail+. Thread-safe.
 */
public final class MailPlusClient {
  private static final Logger LOG = LoggerFactory.getLogger(MailPlusClient.class);
  /** {@code POST /contact/list} takes at most 100 contacts (spotler-api.md §2.9). */
  public static final int MAX_CONTACTS_PER_CALL = 100;
  /** The largest {@code pageSize} Mail+ accepts (spotler-api.md §7.3). */
  public static final int MAX_PAGE_SIZE = 10_000;
  /** The account's e-mail address property, which Mail+ derives the EMAIL channel from (spotler-api.md §2.1, §2.2). */
  public static final String EMAIL_PROPERTY = "email";
  /** ISO-8601 with an explicit offset; {@code xxx} writes {@code +00:00}, not {@code Z} (spotler-api.md §7.4). */
  private static final DateTimeFormatter QUERY_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private static final TypeReference<List<ContactProperty>> PROPERTIES = new TypeReference<>() {};
  private static final TypeReference<List<ContactResult>> RESULTS = new TypeReference<>() {};
  private static final TypeReference<SpotlerContact> CONTACT = new TypeReference<>() {};

  private final MailPlusTransport transport;

  private MailPlusClient(MailPlusTransport transport) {
    this.transport = transport;
  }

  public static MailPlusClient create(MailPlusConfig config) {
    Objects.requireNonNull(config, "config cannot be null");
    OAuth1Signer signer = OAuth1Signer.of(config.consumerKey(), config.consumerSecret());
    AdaptiveRateLimiter rateLimiter = new AdaptiveRateLimiter(config.requestsPerSecond());
    return new MailPlusClient(new MailPlusTransport(config, signer, rateLimiter, Clock.systemUTC()));
  }

  /**
   * Sends a call this client has no method for, such as the automation, tag and score calls of {@code
   * org.spotlerconnector.spotler.automation}, with the same signing, rate limit, error mapping and retries. Whether a
   * failure is retried depends on {@link MailPlusRequest#isIdempotent()}.
   *
   * @throws MailPlusOutcomeUnknownException when a call that is not idempotent may or may not have been carried out
   * @throws IllegalArgumentException for a {@code DELETE /audience/{externalId}/contact} without contact ids, which
   *     would empty the audience; nothing is sent
   */
  public MailPlusResponse send(MailPlusRequest request) {
    Objects.requireNonNull(request, "request cannot be null");
    AudienceEmptyingGuard.check(request);
    return transport.send(request);
  }

  /** {@code GET /contact/properties/list}: the contact properties this account defines, with set options. */
  public List<ContactProperty> properties() {
    MailPlusResponse response = transport.send("GET", "/contact/properties/list", null, null);
    return MailPlusJson.read(response.body(), PROPERTIES, response.operation());
  }

  /**
   * {@code POST /contact/list} with {@code update:true, purge:false}, in calls of at most {@link
   * #MAX_CONTACTS_PER_CALL}. Returns one result per contact as Mail+ reports it; a rejected contact (such as
   * {@code PROPERTY_INVALID}) is a result, and the others still go through.
   *
   * @throws IllegalArgumentException when a contact has no external id, which Mail+ would reject for the whole call
   */
  public List<ContactResult> upsertContacts(List<SpotlerContact> contacts) {
    Objects.requireNonNull(contacts, "contacts cannot be null");
    for (int i = 0; i < contacts.size(); i++) {
      requireExternalId(contacts.get(i).externalId(), "contact at index " + i);
    }
    List<ContactResult> results = new ArrayList<>(contacts.size());
    for (int from = 0; from < contacts.size(); from += MAX_CONTACTS_PER_CALL) {
      List<SpotlerContact> chunk = contacts.subList(from, Math.min(contacts.size(), from + MAX_CONTACTS_PER_CALL));
      ContactBatch batch = new ContactBatch(true, false, chunk.stream().map(ContactBody::of).toList());
      MailPlusResponse response =
          transport.send("POST", "/contact/list", null, MailPlusJson.write(batch));
      results.addAll(MailPlusJson.read(response.body(), RESULTS, response.operation()));
    }
    LOG.atDebug()
        .addKeyValue("contacts", contacts.size())
        .addKeyValue("rejected", results.stream().filter(r -> !r.isOk()).count())
        .log("Mail+ bulk upsert done");
    return results;
  }

  /**
   * {@code GET /contact/{externalId}}; empty when Mail+ does not know the contact. Besides the documented 404, a 400
   * with {@code CONTACT_NOT_FOUND} also counts as not found (spotler-api.md §2.6).
   */
  public Optional<SpotlerContact> getContact(String externalId) {
    try {
      MailPlusResponse response = transport.send("GET", contactPath(externalId), null, null);
      return Optional.of(MailPlusJson.read(response.body(), CONTACT, response.operation()));
    } catch (MailPlusNotFoundException notFound) {
      return Optional.empty();
    } catch (MailPlusInvalidRequestException invalid) {
      if (invalid.errorType().filter("CONTACT_NOT_FOUND"::equals).isPresent()) {
        return Optional.empty();
      }
      throw invalid;
    }
  }

  /**
   * {@code PUT /contact/{externalId}}: changes an existing contact. With {@code purge} false only the properties sent
   * change; with {@code purge} true every property not sent is cleared (spotler-api.md §8 Q11).
   *
   * @param contact its external id may be left out; if present it must equal {@code externalId}
   * @throws MailPlusNotFoundException when the contact does not exist
   * @throws MailPlusInvalidRequestException when Mail+ rejects a value, such as an invalid e-mail address
   */
  public void updateContact(String externalId, SpotlerContact contact, boolean purge) {
    requireExternalId(externalId, "externalId");
    Objects.requireNonNull(contact, "contact cannot be null");
    if (contact.externalId() != null && !contact.externalId().equals(externalId)) {
      throw new IllegalArgumentException(
          "contact.externalId " + contact.externalId() + " differs from the externalId " + externalId + " to update");
    }
    SingleContact body = new SingleContact(null, purge, ContactBody.of(contact.withExternalId(externalId)));
    transport.send("PUT", contactPath(externalId), null, MailPlusJson.write(body));
  }

  /**
   * {@code POST /contact} with {@code update:true}: creates the contact, or changes it when its external id exists.
   *
   * @throws MailPlusInvalidRequestException when Mail+ rejects a value, such as an invalid e-mail address
   */
  public void insertOrUpdateContact(SpotlerContact contact, boolean purge) {
    Objects.requireNonNull(contact, "contact cannot be null");
    requireExternalId(contact.externalId(), "contact.externalId");
    SingleContact body = new SingleContact(true, purge, ContactBody.of(contact));
    transport.send("POST", "/contact", null, MailPlusJson.write(body));
  }

  /**
   * Gives a contact without externalId, such as one that signed up through a form ({@code POST /subscription/subscribe},
   * spotler-api.md §2.12), this externalId, and tells whether that worked. The 2022 spec has no call for it; this is
   * the one place that knows how it is done, by the assumption of ADR 0004: {@code POST /contact} with {@code
   * update:true} and a new externalId links the one contact that has this e-mail address and no externalId yet. {@code
   * GET /contact/{externalId}} afterwards shows whether it did: it answers that contact only when it was linked. A
   * repeated call, after the contact got the externalId, changes nothing.
   *
   * @param encryptedId the contact's own id, by which it was known until now
   * @param email the contact's e-mail address, which the account recognises it by
   * @return false when Mail+ gave the externalId to another contact (created one, for instance), so the contact with
   *     this encryptedId is not linked
   * @throws MailPlusInvalidRequestException when Mail+ rejects the e-mail address
   */
  public boolean linkExternalId(String encryptedId, String email, String externalId) {
    Objects.requireNonNull(encryptedId, "encryptedId cannot be null");
    Objects.requireNonNull(email, "email cannot be null");
    insertOrUpdateContact(SpotlerContact.of(externalId).withProperty(EMAIL_PROPERTY, email), false);
    boolean linked = getContact(externalId).map(SpotlerContact::encryptedId).filter(encryptedId::equals).isPresent();
    LOG.atDebug().addKeyValue("encryptedId", encryptedId).addKeyValue("linked", linked).log("Mail+ externalId link");
    return linked;
  }

  /**
   * {@code PUT /contact/anonymize/{externalId}}: removes the contact's personal data; Mail+ has no delete
   * (spotler-api.md §2.10).
   *
   * @throws MailPlusNotFoundException when the contact does not exist
   */
  public void anonymize(String externalId) {
    requireExternalId(externalId, "externalId");
    transport.send("PUT", "/contact/anonymize/" + PercentEncoding.encode(externalId), null, null);
  }

  /**
   * The contacts changed in {@code [from, to]}, page by page from {@code GET /contact/updates/list}. Lazy: a page is
   * fetched only when the stream reaches it, and each page is a newly signed request.
   *
   * @param pageSize 1 to {@link #MAX_PAGE_SIZE}
   */
  public Stream<ContactPage> updatedContactPages(OffsetDateTime from, OffsetDateTime to, int pageSize) {
    Objects.requireNonNull(from, "from cannot be null");
    Objects.requireNonNull(to, "to cannot be null");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
    String window =
        "fromDate="
            + PercentEncoding.encode(QUERY_DATE.format(from))
            + "&toDate="
            + PercentEncoding.encode(QUERY_DATE.format(to));
    ContactFeed feed = new ContactFeed(offset -> updatesPage(window, offset, pageSize), pageSize);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(feed, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The contacts changed in {@code [from, to]}, one by one; see {@link #updatedContactPages}. */
  public Stream<SpotlerContact> updatedContacts(OffsetDateTime from, OffsetDateTime to, int pageSize) {
    return updatedContactPages(from, to, pageSize).flatMap(page -> page.contacts().stream());
  }

  private ContactFeedPage updatesPage(String window, int offset, int pageSize) {
    String query = window + "&after=" + offset + "&pageSize=" + pageSize;
    MailPlusResponse response = transport.send("GET", "/contact/updates/list", query, null);
    ContactFeedPage page =
        ContactFeedPage.parse(MailPlusJson.readTree(response.body(), response.operation()), response.operation());
    LOG.atDebug()
        .addKeyValue("offset", offset)
        .addKeyValue("contacts", page.contacts().size())
        .log("Mail+ changes feed page read");
    return page;
  }

  private static String contactPath(String externalId) {
    requireExternalId(externalId, "externalId");
    return "/contact/" + PercentEncoding.encode(externalId);
  }

  private static void requireExternalId(String externalId, String what) {
    if (externalId == null || externalId.isBlank()) {
      throw new IllegalArgumentException(what + " has no externalId; Mail+ identifies contacts by it");
    }
  }
}
