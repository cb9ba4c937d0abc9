package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.http.Emulator;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The Spotler Mail+ REST API ({@code /integrationservice}), as documented in spotler-api.md and the server's own
 * Swagger 1.2 spec: one-legged OAuth 1.0a on every call, the {@code contact}, {@code subscription} and
 * {@code campaign} resources, the {@code {errorType, message}} error model and an optional rate limit. Automations
 * (with fields, run ids and stop calls) and tags with scores follow the shapes assumed in ADR 0003; linking a sign-up
 * to an externalId follows ADR 0004. Audiences follow spotler-api.md §5; an account whose product lacks them answers 403
 * to every audience call (see {@link Builder#audiences(boolean)}). The versioned prefix
 * {@code /integrationservice-1.1.0} serves the same resources, but its updates feed is a bare array, as clients of
 * that prefix observed.
 *
 * <p>Thread-safe. Inspection calls under {@code /_sandbox/} need no signature; see {@link SandboxInspection}.
 */
public final class MailPlusEmulator implements Emulator {
  public static final String DEFAULT_PATH_PREFIX = "/integrationservice";
  public static final String DEFAULT_LEGACY_PATH_PREFIX = "/integrationservice-1.1.0";
  public static final String DEFAULT_CONSUMER_KEY = "sandbox-consumer-key";
  public static final String DEFAULT_CONSUMER_SECRET = "sandbox-consumer-secret";
  public static final Duration DEFAULT_TIMESTAMP_TOLERANCE = Duration.ofSeconds(300);
  /** Offset-less dates are read in this zone; the real server's zone is unknown, Amsterdam is likely (§7.4). */
  public static final ZoneId DEFAULT_ACCOUNT_ZONE = ZoneId.of("Europe/Amsterdam");
  /** The set property that holds the opt-ins ("a specific list field named 'permissions'", spotler-api.md §2.3). */
  public static final String PERMISSIONS = "permissions";

  private static final Logger LOG = LoggerFactory.getLogger(MailPlusEmulator.class);

  private final String pathPrefix;
  private final String legacyPathPrefix;
  private final List<PropertyDefinition> initialProperties;
  private final RateLimit initialRateLimit;
  private final OAuthVerifier verifier;
  private final RateLimiter rateLimiter;
  private final ContactService contacts;
  private final ContactResource contactResource;
  private final MailPlusAutomations automations;
  private final MailPlusCampaigns campaigns;
  private final MailPlusTags tags;
  private final MailPlusAudiences audiences;
  private final AutomationResource automationResource;
  private final CampaignResource campaignResource;
  private final TagResource tagResource;
  private final AudienceResource audienceResource;
  private final SubscriptionResource subscriptionResource;
  private final SandboxInspection inspection;

  private MailPlusEmulator(Builder b) {
    this.pathPrefix = b.pathPrefix;
    this.legacyPathPrefix = b.legacyPathPrefix;
    this.initialProperties = List.copyOf(b.properties);
    this.initialRateLimit = b.rateLimit;
    Map<String, String> consumers = b.consumers.isEmpty() ? Map.of(DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET) : b.consumers;
    this.verifier = new OAuthVerifier(consumers, b.clock, b.timestampTolerance);
    this.rateLimiter = new RateLimiter(b.clock, b.rateLimit);
    this.contacts = new ContactService(b.clock, b.accountZone, initialProperties);
    this.contactResource = new ContactResource(contacts);
    Predicate<String> contactExists = externalId -> contacts.get(externalId).isPresent();
    this.automations = new MailPlusAutomations(b.clock, contactExists);
    this.campaigns = new MailPlusCampaigns(b.clock, contactExists);
    this.tags = new MailPlusTags(contactExists);
    this.audiences = new MailPlusAudiences(b.clock, contactExists, b.audiences);
    this.automationResource = new AutomationResource(automations);
    this.campaignResource = new CampaignResource(campaigns);
    this.tagResource = new TagResource(tags);
    this.audienceResource = new AudienceResource(audiences);
    this.subscriptionResource = new SubscriptionResource(contacts);
    this.inspection = new SandboxInspection(this);
  }

  /** An emulator with every default: one consumer ({@link #DEFAULT_CONSUMER_KEY}), the Dutch property list. */
  public MailPlusEmulator() {
    this(new Builder());
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "mailplus";
  }

  public String pathPrefix() {
    return pathPrefix;
  }

  /** The versioned prefix, or null when it is switched off. */
  public String legacyPathPrefix() {
    return legacyPathPrefix;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    try {
      FeedShape shape = shapeFor(request.rawPath()).orElseThrow(ContactResource::notFound);
      String prefix = shape == FeedShape.PAGED ? pathPrefix : legacyPathPrefix;
      List<String> segments = segments(request.rawPath().substring(prefix.length()));
      String consumerKey = verifier.verify(request);
      OptionalLong retryAfter = rateLimiter.acquire(consumerKey);
      if (retryAfter.isPresent()) {
        throw tooManyRequests(retryAfter.getAsLong());
      }
      ApiRequests.requireJsonAccepted(request);
      return route(request, segments, shape);
    } catch (MailPlusException e) {
      LOG.atDebug()
          .addKeyValue("method", request.method())
          .addKeyValue("status", e.status())
          .addKeyValue("errorType", e.errorType())
          .log("refused a Mail+ call");
      return e.toResponse();
    }
  }

  @Override
  public Optional<HttpResponse> inspect(HttpRequest request) throws IOException {
    return inspection.handle(request);
  }

  @Override
  public HttpResponse faultResponse(int status, Integer retryAfterSeconds) {
    ErrorType type =
        switch (status) {
          case 400 -> ErrorType.INVALID_PARAMS;
          case 401, 403 -> ErrorType.NOT_AUTHORIZED;
          case 404 -> ErrorType.RESOURCE_NOT_FOUND;
          default -> ErrorType.BACKEND_EXCEPTION;
        };
    String message = status == 429 ? "Too many requests" : "Injected fault " + status;
    HttpResponse response = MailPlusException.errorBody(status, type, message);
    if (retryAfterSeconds != null) {
      response.header("Retry-After", Integer.toString(retryAfterSeconds));
    }
    return response;
  }

  @Override
  public HttpResponse errorResponse(Throwable error) {
    if (error instanceof HttpRequest.MalformedJsonException) {
      return MailPlusException.errorBody(400, ErrorType.INVALID_PARAMS, error.getMessage());
    }
    LOG.atError().setCause(error).log("the Mail+ emulator failed on a call");
    return MailPlusException.errorBody(500, ErrorType.BACKEND_EXCEPTION, "Internal error");
  }

  // ---- in-process inspection, the same operations as the /_sandbox/ calls ----

  /** The automations and their runs, to arrange and inspect in-process. */
  public MailPlusAutomations automations() {
    return automations;
  }

  /** The legacy campaigns and who takes part. */
  public MailPlusCampaigns campaigns() {
    return campaigns;
  }

  /** The account's tags and the contacts' tags and scores. */
  public MailPlusTags tags() {
    return tags;
  }

  /** The account's audiences, their contacts and whether the account's product has them. */
  public MailPlusAudiences audiences() {
    return audiences;
  }

  /** Every contact, oldest change first. */
  public List<MailPlusContact> contacts() {
    AccountProperties account = contacts.account();
    return contacts.store().all().stream().map(c -> MailPlusContact.of(c, account)).toList();
  }

  public Optional<MailPlusContact> contact(String externalId) {
    return contacts.get(externalId).map(this::asPublic);
  }

  /** By Mail+'s own id, which every contact has, also one signed up without externalId. */
  public Optional<MailPlusContact> contactByEncryptedId(String encryptedId) {
    return contacts.byEncryptedId(encryptedId).map(this::asPublic);
  }

  public int contactCount() {
    return contacts.store().size();
  }

  /**
   * Creates or replaces a contact with these properties (JSON-like values, as the API takes them, e.g. permissions as
   * a list of {@code {bit, enabled}} maps) and counts it as a change.
   *
   * @throws IllegalArgumentException when a property is unknown or its value does not fit
   */
  public MailPlusContact putContact(String externalId, Map<String, ?> properties) {
    ObjectNode node = Json.object().put("externalId", externalId);
    node.set("properties", Json.MAPPER.valueToTree(properties));
    return putContacts(Json.array().add(node), true).get(0);
  }

  /**
   * Seeds contacts given as Mail+ {@code Contact} JSON objects; {@code created}, {@code lastChanged} and
   * {@code encryptedId} are kept when given. A contact is found by externalId, else by encryptedId; one with neither
   * is a new contact without externalId, as a sign-up would be. Without {@code lastChanged}, {@code touch=false} keeps
   * an existing contact's last change. Nothing is stored unless every contact is valid.
   *
   * @throws IllegalArgumentException when a contact is malformed or invalid
   */
  public List<MailPlusContact> putContacts(JsonNode contactArray, boolean touch) {
    if (contactArray == null || !contactArray.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of contacts");
    }
    List<ContactInput> inputs = new ArrayList<>();
    for (JsonNode node : contactArray) {
      inputs.add(checked(readWithOptionalExternalId(node)));
    }
    List<MailPlusContact> stored = new ArrayList<>();
    for (ContactInput input : inputs) {
      stored.add(asPublic(rethrowAsArgument(() -> contacts.seed(input, touch))));
    }
    return stored;
  }

  /**
   * Changes a contact as a person editing it in Mail+ would: the given properties are merged (set properties per bit)
   * and its lastChanged moves on, so the updates feed reports it.
   *
   * @throws NoSuchElementException when there is no such contact
   * @throws IllegalArgumentException when a property is unknown or its value does not fit
   */
  public MailPlusContact editContact(String externalId, Map<String, ?> properties) {
    ObjectNode node = Json.object().put("externalId", externalId);
    node.set("properties", Json.MAPPER.valueToTree(properties));
    return editContact(node);
  }

  MailPlusContact editContact(JsonNode contact) {
    ContactInput input = checked(rethrowAsArgument(() -> ContactInput.read(contact, contacts.accountZone())));
    try {
      return asPublic(rethrowAsArgument(() -> contacts.edit(input)));
    } catch (MailPlusException e) {
      throw new NoSuchElementException("no contact " + input.externalId());
    }
  }

  /**
   * As {@link #editContact(String, Map)}, for a contact found by its encryptedId, such as one signed up without
   * externalId.
   *
   * @throws NoSuchElementException when there is no such contact
   * @throws IllegalArgumentException when a property is unknown or its value does not fit
   */
  public MailPlusContact editContactByEncryptedId(String encryptedId, Map<String, ?> properties) {
    return editContactByEncryptedId(encryptedId, Json.MAPPER.<JsonNode>valueToTree(properties));
  }

  MailPlusContact editContactByEncryptedId(String encryptedId, JsonNode properties) {
    ContactInput input = checked(readWithOptionalExternalId(contactWith(properties)));
    try {
      return asPublic(rethrowAsArgument(() -> contacts.editByEncryptedId(encryptedId, input)));
    } catch (MailPlusException e) {
      throw new NoSuchElementException("no contact with encryptedId " + encryptedId);
    }
  }

  /**
   * A person unsubscribes (or subscribes) one permission in Mail+: that bit of the {@code permissions} set property
   * changes, the others stay (spotler-api.md §2.3), and lastChanged moves on, so the updates feed reports it.
   *
   * @throws NoSuchElementException when there is no such contact
   * @throws IllegalArgumentException when the account has no permission with this bit
   */
  public MailPlusContact setPermission(String externalId, long bit, boolean enabled) {
    return editContact(externalId, Map.of(PERMISSIONS, List.of(Map.of("bit", bit, "enabled", enabled))));
  }

  /**
   * A person signs up through a Mail+ form: as {@code POST /subscription/subscribe} without externalId, the e-mail
   * address is required, a known address updates its contact and a new one creates a contact without externalId
   * (see {@code ContactService#subscribe}). The sign-up counts as a change.
   *
   * @return the contact signed up, with the encryptedId that identifies it until it is linked
   * @throws IllegalArgumentException when the e-mail is missing or invalid, or a property is unknown or does not fit
   */
  public MailPlusContact signUp(Map<String, ?> properties) {
    return signUp(contactWith(Json.MAPPER.valueToTree(properties)));
  }

  MailPlusContact signUp(JsonNode contact) {
    ContactInput input = readWithOptionalExternalId(contact);
    return asPublic(rethrowAsArgument(() -> contacts.subscribe(input)));
  }

  public List<PropertyDefinition> properties() {
    return contacts.account().all();
  }

  /**
   * Adds an option to a set property of the account, e.g. a new permission to {@code permissions}; it is ranked last
   * and switched off for every contact. No contact changes.
   *
   * @throws IllegalArgumentException when there is no such set property, or it already has the bit
   */
  public void addSetEntry(String setProperty, long bit, String description) {
    contacts.addSetEntry(setProperty, bit, description);
  }

  /** Replaces the account's property definitions; stored values of removed or retyped properties are dropped. */
  public void properties(List<PropertyDefinition> definitions) {
    contacts.replaceProperties(definitions);
  }

  public Optional<RateLimit> rateLimit() {
    return rateLimiter.limit();
  }

  /** Sets the rate limit per consumer key; null switches it off. */
  public void rateLimit(RateLimit limit) {
    rateLimiter.limit(limit);
  }

  /**
   * Back to the state after construction: no contacts, automations, campaigns, tags or audiences, the initial
   * properties, rate limit and product, no nonces seen.
   */
  public void reset() {
    contacts.reset(initialProperties);
    automations.reset();
    campaigns.reset();
    tags.reset();
    audiences.reset();
    rateLimiter.limit(initialRateLimit);
    verifier.forgetNonces();
  }

  /** Contacts in the API's JSON, for the inspection calls. */
  ArrayNode contactsJson() {
    AccountProperties account = contacts.account();
    ArrayNode array = Json.array();
    contacts.store().all().forEach(c -> array.add(ContactJson.render(c, account)));
    return array;
  }

  Optional<ObjectNode> contactJson(String externalId) {
    return contacts.get(externalId).map(c -> ContactJson.render(c, contacts.account()));
  }

  /** The contact as stored now, found by its encryptedId, in the API's JSON. */
  ObjectNode contactJson(MailPlusContact contact) {
    return contacts
        .byEncryptedId(contact.encryptedId())
        .map(c -> ContactJson.render(c, contacts.account()))
        .orElseThrow();
  }

  // ---- internals ----

  private HttpResponse route(HttpRequest request, List<String> segments, FeedShape shape) {
    String resource = segments.isEmpty() ? "" : segments.get(0);
    return switch (resource) {
      case "contact" -> TagResource.isContactTagPath(segments)
          ? tagResource.handleContactTags(request, segments)
          : contactResource.handle(request, segments, shape);
      case "automation" -> automationResource.handle(request, segments);
      case "campaign" -> campaignResource.handle(request, segments);
      case "tag" -> tagResource.handleTags(request, segments);
      case "subscription" -> subscriptionResource.handle(request, segments);
      case "audience" -> audienceResource.handle(request, segments);
      default -> throw ContactResource.notFound();
    };
  }

  private Optional<FeedShape> shapeFor(String rawPath) {
    if (rawPath.startsWith(pathPrefix + "/")) {
      return Optional.of(FeedShape.PAGED);
    }
    if (legacyPathPrefix != null && rawPath.startsWith(legacyPathPrefix + "/")) {
      return Optional.of(FeedShape.BARE_ARRAY);
    }
    return Optional.empty();
  }

  /** Path segments, each decoded on its own, so that an externalId may hold an encoded '/'. */
  private static List<String> segments(String rawRest) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawRest.substring(1).split("/", -1)) {
      if (raw.isEmpty()) {
        throw ContactResource.notFound();
      }
      segments.add(HttpRequest.decode(raw, false));
    }
    return segments;
  }

  private static MailPlusException tooManyRequests(long retryAfterSeconds) {
    return new MailPlusException(429, ErrorType.BACKEND_EXCEPTION, "Too many requests")
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  /** The input, once its properties are known to fit the account. */
  private ContactInput checked(ContactInput input) {
    rethrowAsArgument(() -> input.propertyChanges(contacts.account(), contacts.accountZone()));
    return input;
  }

  private ContactInput readWithOptionalExternalId(JsonNode contact) {
    return rethrowAsArgument(() -> ContactInput.readWithOptionalExternalId(contact, contacts.accountZone()));
  }

  private static ObjectNode contactWith(JsonNode properties) {
    ObjectNode node = Json.object();
    node.set("properties", properties);
    return node;
  }

  private MailPlusContact asPublic(StoredContact stored) {
    return MailPlusContact.of(stored, contacts.account());
  }

  private static <T> T rethrowAsArgument(Supplier<T> action) {
    try {
      return action.get();
    } catch (InvalidPropertyException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (MailPlusException e) {
      if (e.status() == 404) {
        throw e;
      }
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Configures a {@link MailPlusEmulator}; every setting has a default. */
  public static final class Builder {
    private final Map<String, String> consumers = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private String pathPrefix = DEFAULT_PATH_PREFIX;
    private String legacyPathPrefix = DEFAULT_LEGACY_PATH_PREFIX;
    private Duration timestampTolerance = DEFAULT_TIMESTAMP_TOLERANCE;
    private List<PropertyDefinition> properties = DefaultProperties.dutchAccount();
    private RateLimit rateLimit;
    private ZoneId accountZone = DEFAULT_ACCOUNT_ZONE;
    private boolean audiences = true;

    private Builder() {}

    /** Adds a consumer key and secret; without any, {@link #DEFAULT_CONSUMER_KEY} is the only one. */
    public Builder consumer(String key, String secret) {
      if (key == null || key.isEmpty() || secret == null) {
        throw new IllegalArgumentException("a consumer needs a key and a secret");
      }
      consumers.put(key, secret);
      return this;
    }

    /** The clock for timestamps, nonces, rate-limit windows and lastChanged. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder pathPrefix(String prefix) {
      this.pathPrefix = checkedPrefix(prefix);
      return this;
    }

    /** The versioned prefix whose feeds are bare arrays; null switches it off. */
    public Builder legacyPathPrefix(String prefix) {
      this.legacyPathPrefix = prefix == null ? null : checkedPrefix(prefix);
      return this;
    }

    /** How far {@code oauth_timestamp} may be from the clock, either way. */
    public Builder timestampTolerance(Duration tolerance) {
      if (tolerance == null || tolerance.isNegative()) {
        throw new IllegalArgumentException("timestampTolerance must be zero or positive");
      }
      this.timestampTolerance = tolerance;
      return this;
    }

    public Builder properties(List<PropertyDefinition> definitions) {
      new AccountProperties(definitions); // refuses duplicate names here rather than on first use
      this.properties = List.copyOf(definitions);
      return this;
    }

    /** A rate limit per consumer key; null (the default) means none. */
    public Builder rateLimit(RateLimit limit) {
      this.rateLimit = limit;
      return this;
    }

    /**
     * Whether the account's product has audiences (Automation and eCommerce do; the default) or not, in which case
     * every audience call answers 403 "Only Automation or eCommerce products can use this call".
     */
    public Builder audiences(boolean available) {
      this.audiences = available;
      return this;
    }

    /** The zone for dates sent without an offset. */
    public Builder accountZone(ZoneId zone) {
      this.accountZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    public MailPlusEmulator build() {
      if (pathPrefix.equals(legacyPathPrefix)) {
        throw new IllegalArgumentException("pathPrefix and legacyPathPrefix must differ");
      }
      return new MailPlusEmulator(this);
    }

    private static String checkedPrefix(String prefix) {
      if (prefix == null || !prefix.startsWith("/") || prefix.endsWith("/")) {
        throw new IllegalArgumentException("a path prefix starts with '/' and does not end with one: " + prefix);
      }
      return prefix;
    }
  }
}
