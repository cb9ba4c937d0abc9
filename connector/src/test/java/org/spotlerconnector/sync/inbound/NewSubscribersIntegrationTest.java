package org.spotlerconnector.sync.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.runtime.StoreOpener;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.ColumnDefinition;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.sandbox.mailplus.MailPlusContact;
import org.spotlerconnector.schema.DataverseSchemaReader;
import org.spotlerconnector.schema.LiveDataverseSchema;
import org.spotlerconnector.schema.SpotlerSchemaReader;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.MailPlusUnavailableException;
import org.spotlerconnector.spotler.SpotlerContact;
import org.spotlerconnector.store.PendingReview;
import org.spotlerconnector.store.RecordLink;
import org.spotlerconnector.store.Store;

/**
 * New subscribers against the sandbox over real HTTP: sign-ups through a Mail+ form read from Spotler's changes feed,
 * rows written to Dataverse, the link stored and given to Spotler.
 */
class NewSubscribersIntegrationTest {
  private static final String CONNECTION = "test";
  private static final String MEMBERSHIP = "new_membershipentry";
  private static final String MEMBERSHIPS = "new_membershipentries";
  /** email and phoneNumber go to Spotler only; names both ways; the birth date and city from Spotler only. */
  private static final String MAPPING =
      """
      mapping:
        - spotler: email
          contact: emailaddress1
          lead: emailaddress1
          entity: new_email
        - spotler: firstName
          contact: firstname
          lead: firstname
          entity: new_firstname
          direction: <->
        - spotler: lastName
          contact: lastname
          lead: lastname
          entity: new_lastname
          direction: <->
        - spotler: birthday
          contact: birthdate
          entity: new_birthdate
          direction: <-
        - spotler: city
          contact: address1_city
          lead: address1_city
          direction: <-
        - spotler: phoneNumber
          contact: telephone1
          lead: telephone1
        - spotler: customerType
          contact: $CustomerType
          lead: $CustomerType
      """;

  @TempDir Path dir;
  private Sandbox sandbox;
  private DataverseClient dataverse;
  private MailPlusClient spotler;
  private Store store;
  private final OffsetDateTime testStart = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests());
    sandbox.dataverse().addTable(membershipTable());
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
    sandbox.close();
  }

  /** The iFunds Engage 365 membership entry, as a custom table. */
  private static TableDefinition membershipTable() {
    return TableDefinition.builder(MEMBERSHIP, MEMBERSHIPS)
        .primaryName("new_name")
        .column(ColumnDefinition.string("new_name", 100))
        .column(ColumnDefinition.string("new_email", 100))
        .column(ColumnDefinition.string("new_firstname", 50))
        .column(ColumnDefinition.string("new_lastname", 50))
        .column(ColumnDefinition.dateOnly("new_birthdate"))
        .column(ColumnDefinition.choice("new_channel", Map.of(1, "Website", 2, "Spotler")))
        .build();
  }

  private NewSubscriberHandler handler(String newSubscribers) {
    String yaml = SandboxConfig.yaml(sandbox, CONNECTION, dir.resolve("store.db")) + MAPPING + """
        sync:
          inbound:
            newSubscribers:
        %s""".formatted(newSubscribers.indent(6));
    ConnectorConfig config = ConfigLoader.fromSystemEnvironment().load("test.yml", yaml);
    dataverse = DataverseClient.create(Connector.dataverseSettings(config.dataverse()));
    store = StoreOpener.open(config.store());
    spotler = MailPlusClient.create(
        MailPlusConfig.builder(sandbox.options().consumerKey(), sandbox.options().consumerSecret())
            .baseUrl(sandbox.mailplusUrl())
            .maxRetries(1)
            .backoff(Duration.ofMillis(5), Duration.ofMillis(10))
            .requestsPerSecond(1000)
            .build());
    LiveDataverseSchema tables = new LiveDataverseSchema(new DataverseSchemaReader(dataverse));
    NewSubscribers.Settings settings = new NewSubscribers.Settings(
        CONNECTION, config.sync().inbound().newSubscribers(), config.mapping(), new SpotlerSchemaReader(spotler).read(),
        config.spotler().timeZone());
    return NewSubscribers.create(settings, tables::metadata, dataverse, spotler, store, Clock.systemUTC());
  }

  /** One read of Spotler's changes feed, as the inbound sync reads it: the contacts that no link knows. */
  private List<SpotlerContact> unlinkedInFeed() {
    List<SpotlerContact> contacts =
        spotler.updatedContacts(testStart, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1), 100).toList();
    Set<String> linked = store.recordLinks().findByExternalIds(CONNECTION,
        contacts.stream().map(SpotlerContact::externalId).filter(id -> id != null).toList()).keySet();
    return contacts.stream().filter(c -> c.externalId() == null || !linked.contains(c.externalId())).toList();
  }

  private void syncFeed(NewSubscriberHandler handler) {
    handler.handle(unlinkedInFeed());
  }

  private MailPlusContact signUp(Map<String, ?> properties) {
    return sandbox.mailplus().signUp(properties);
  }

  private List<ObjectNode> rows(String entitySet) {
    return sandbox.dataverse().table(entitySet).rows();
  }

  private List<ObjectNode> rowsWithEmail(String entitySet, String column, String email) {
    return rows(entitySet).stream().filter(row -> email.equalsIgnoreCase(row.path(column).asText())).toList();
  }

  private String insert(String entitySet, Map<String, String> columns) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    columns.forEach(row::put);
    return sandbox.dataverse().table(entitySet).insert(row).toString();
  }

  private ObjectNode row(String entitySet, String id) {
    return sandbox.dataverse().table(entitySet).get(UUID.fromString(id)).orElseThrow();
  }

  private MailPlusContact inSpotler(MailPlusContact signedUp) {
    return sandbox.mailplus().contactByEncryptedId(signedUp.encryptedId()).orElseThrow();
  }

  private static JsonNode json(String text) throws JsonProcessingException {
    return new ObjectMapper().readTree(text);
  }

  private List<PendingReview> reviews() {
    return store.pendingReviews().list(CONNECTION, 10);
  }

  @Test
  void a_lead_is_always_a_new_row_with_the_source_and_spotler_learns_its_id() throws Exception {
    NewSubscriberHandler handler = handler("""
        createAs: lead
        source: {column: leadsourcecode, value: Web}
        """);
    String existing = insert("leads", Map.of("emailaddress1", "anna@example.nl", "lastname", "Existing"));
    MailPlusContact signedUp = signUp(Map.of(
        "email", "anna@example.nl", "firstName", "Anna", "lastName", "Jansen", "phoneNumber", "0612345678"));

    syncFeed(handler);

    List<ObjectNode> leads = rowsWithEmail("leads", "emailaddress1", "anna@example.nl");
    assertThat(leads).hasSize(2);
    ObjectNode lead = leads.stream().filter(l -> !l.get("leadid").asText().equals(existing)).findFirst().orElseThrow();
    String leadId = lead.get("leadid").asText();
    assertThat(lead.path("firstname").asText()).isEqualTo("Anna");
    assertThat(lead.path("lastname").asText()).isEqualTo("Jansen");
    assertThat(lead.path("telephone1").asText()).as("a -> column is filled on a created row").isEqualTo("0612345678");
    assertThat(lead.path("leadsourcecode").asInt()).as("option Web").isEqualTo(8);
    assertThat(row("leads", existing).path("lastname").asText()).isEqualTo("Existing");
    assertThat(inSpotler(signedUp).externalId()).isEqualTo(leadId);
    assertThat(sandbox.mailplus().contactCount()).isOne();
    RecordLink link = store.recordLinks().findByRecord(CONNECTION, "lead", leadId).orElseThrow();
    assertThat(link.externalId()).isEqualTo(leadId);
    assertThat(store.syncedValues().get(CONNECTION, "lead", leadId).orElseThrow().values())
        .isEqualTo(json("{\"email\":\"anna@example.nl\",\"firstName\":\"Anna\",\"lastName\":\"Jansen\","
            + "\"phoneNumber\":\"0612345678\"}"));
    assertThat(unlinkedInFeed()).as("linked now: no longer a new subscriber").isEmpty();
  }

  @Test
  void a_contact_with_the_same_email_is_updated_with_the_columns_mapped_from_spotler_and_linked() throws Exception {
    NewSubscriberHandler handler = handler("createAs: contact");
    String contactId = insert("contacts", Map.of(
        "emailaddress1", "Anna@Example.nl", "firstname", "Ann", "lastname", "Jansen", "telephone1", "0101234567"));
    MailPlusContact signedUp = signUp(Map.of(
        "email", "anna@example.nl", "firstName", "Anna", "city", "Zwolle", "phoneNumber", "0612345678"));

    syncFeed(handler);

    assertThat(rows("contacts")).hasSize(1);
    ObjectNode contact = row("contacts", contactId);
    assertThat(contact.path("firstname").asText()).isEqualTo("Anna");
    assertThat(contact.path("address1_city").asText()).isEqualTo("Zwolle");
    assertThat(contact.path("lastname").asText()).as("not in the sign-up: kept").isEqualTo("Jansen");
    assertThat(contact.path("telephone1").asText()).as("mapped -> only").isEqualTo("0101234567");
    assertThat(contact.path("emailaddress1").asText()).isEqualTo("Anna@Example.nl");
    assertThat(inSpotler(signedUp).externalId()).isEqualTo(contactId);
    assertThat(store.recordLinks().findByRecord(CONNECTION, "contact", contactId)).isPresent();
    assertThat(store.syncedValues().get(CONNECTION, "contact", contactId).orElseThrow().values())
        .isEqualTo(json("{\"firstName\":\"Anna\",\"city\":\"Zwolle\"}"));
  }

  @Test
  void without_a_contact_with_the_same_email_a_contact_is_created() {
    NewSubscriberHandler handler = handler("createAs: contact");
    insert("contacts", Map.of("emailaddress1", "someone.else@example.nl"));
    MailPlusContact signedUp = signUp(Map.of(
        "email", "anna@example.nl", "firstName", "Anna", "birthday", "1990-05-20", "phoneNumber", "0612345678"));

    syncFeed(handler);

    ObjectNode contact = rowsWithEmail("contacts", "emailaddress1", "anna@example.nl").get(0);
    assertThat(rows("contacts")).hasSize(2);
    assertThat(contact.path("firstname").asText()).isEqualTo("Anna");
    assertThat(contact.path("birthdate").asText()).isEqualTo("1990-05-20");
    assertThat(contact.path("telephone1").asText()).isEqualTo("0612345678");
    assertThat(inSpotler(signedUp).externalId()).isEqualTo(contact.get("contactid").asText());
  }

  @Test
  void two_contacts_with_the_same_email_are_left_for_review_and_nothing_is_written() {
    NewSubscriberHandler handler = handler("createAs: contact");
    String first = insert("contacts", Map.of("emailaddress1", "anna@example.nl", "firstname", "One"));
    String second = insert("contacts", Map.of("emailaddress1", "ANNA@example.nl", "firstname", "Two"));
    MailPlusContact signedUp = signUp(Map.of("email", "anna@example.nl", "firstName", "Anna"));
    long dataverseCalls = sandbox.dataverseServer().requestLog().lastSequence();

    syncFeed(handler);

    assertThat(rows("contacts")).extracting(row -> row.path("firstname").asText()).containsExactlyInAnyOrder("One", "Two");
    assertThat(sandbox.dataverseServer().requestLog().since(dataverseCalls))
        .allSatisfy(call -> assertThat(call.method()).isEqualTo("GET"));
    assertThat(inSpotler(signedUp).externalId()).isNull();
    assertThat(store.recordLinks().findByRecordIds(CONNECTION, "contact", List.of(first, second))).isEmpty();
    PendingReview review = reviews().get(0);
    assertThat(reviews()).hasSize(1);
    assertThat(review.encryptedId()).isEqualTo(signedUp.encryptedId());
    assertThat(review.maskedEmail()).isEqualTo("a***@example.nl");
    assertThat(review.tableName()).isEqualTo("contact");
    assertThat(review.candidateIds()).containsExactlyInAnyOrder(first, second);
    assertThat(review.reason()).contains("emailaddress1").doesNotContain("anna@");
  }

  @Test
  void a_custom_dedupe_rule_matches_on_last_name_and_birth_date() {
    NewSubscriberHandler handler = handler("""
        createAs: contact
        matchOn: [lastname, birthdate]
        """);
    String sameDay = insert("contacts", Map.of(
        "lastname", "Jansen", "birthdate", "1980-04-01", "emailaddress1", "old@example.nl", "firstname", "A."));
    String otherDay = insert("contacts", Map.of(
        "lastname", "Jansen", "birthdate", "1980-04-02", "emailaddress1", "other@example.nl", "firstname", "B."));
    MailPlusContact signedUp = signUp(Map.of(
        "email", "anna@example.nl", "firstName", "Anna", "lastName", "Jansen", "birthday", "1980-04-01"));

    syncFeed(handler);

    assertThat(rows("contacts")).hasSize(2);
    assertThat(row("contacts", sameDay).path("firstname").asText()).isEqualTo("Anna");
    assertThat(row("contacts", sameDay).path("emailaddress1").asText()).as("mapped -> only").isEqualTo("old@example.nl");
    assertThat(row("contacts", otherDay).path("firstname").asText()).isEqualTo("B.");
    assertThat(inSpotler(signedUp).externalId()).isEqualTo(sameDay);
  }

  @Test
  void a_custom_table_gets_a_new_entry_or_updates_the_matching_one() {
    NewSubscriberHandler handler = handler("""
        createAs: entity
        entity: new_membershipentry
        matchOn: [new_email]
        source: {column: new_channel, value: Spotler}
        """);
    String existing = insert(MEMBERSHIPS, Map.of("new_email", "bob@example.nl", "new_firstname", "Bobby"));
    MailPlusContact anna = signUp(Map.of(
        "email", "anna@example.nl", "firstName", "Anna", "lastName", "Jansen", "birthday", "1990-05-20"));
    MailPlusContact bob = signUp(Map.of("email", "bob@example.nl", "firstName", "Bob"));

    syncFeed(handler);

    assertThat(rows(MEMBERSHIPS)).hasSize(2);
    ObjectNode entry = rowsWithEmail(MEMBERSHIPS, "new_email", "anna@example.nl").get(0);
    String entryId = entry.get("new_membershipentryid").asText();
    assertThat(entry.path("new_firstname").asText()).isEqualTo("Anna");
    assertThat(entry.path("new_lastname").asText()).isEqualTo("Jansen");
    assertThat(entry.path("new_birthdate").asText()).isEqualTo("1990-05-20");
    assertThat(entry.path("new_channel").asInt()).isEqualTo(2);
    assertThat(row(MEMBERSHIPS, existing).path("new_firstname").asText()).isEqualTo("Bob");
    assertThat(row(MEMBERSHIPS, existing).has("new_channel")).as("the source marks created rows only").isFalse();
    assertThat(inSpotler(anna).externalId()).isEqualTo(entryId);
    assertThat(inSpotler(bob).externalId()).isEqualTo(existing);
    assertThat(store.recordLinks().findByRecordIds(CONNECTION, MEMBERSHIP, List.of(entryId, existing))).hasSize(2);
  }

  /** The overlapping windows hand the handler a page again, holding the contacts as they were before linking. */
  @ParameterizedTest
  @CsvSource({"lead, leads, leadid", "contact, contacts, contactid"})
  void the_same_page_handled_twice_makes_one_row(String createAs, String entitySet, String idColumn) {
    NewSubscriberHandler handler = handler("createAs: " + createAs);
    MailPlusContact signedUp = signUp(Map.of("email", "anna@example.nl", "firstName", "Anna"));
    List<SpotlerContact> page = unlinkedInFeed();

    handler.handle(page);
    handler.handle(page);

    assertThat(rows(entitySet)).hasSize(1);
    assertThat(inSpotler(signedUp).externalId()).isEqualTo(rows(entitySet).get(0).get(idColumn).asText());
    assertThat(reviews()).isEmpty();
    assertThat(sandbox.mailplus().contactCount()).isOne();
  }

  @Test
  void a_crash_before_spotler_learns_the_row_id_leaves_one_lead_which_the_next_read_links() {
    NewSubscriberHandler handler = handler("createAs: lead");
    MailPlusContact signedUp = signUp(Map.of("email", "anna@example.nl", "firstName", "Anna"));
    sandbox.mailplusServer().faults().add(FaultRule.status(503).onMethod("POST").onPath("/contact$"));

    assertThatThrownBy(() -> syncFeed(handler)).isInstanceOf(MailPlusUnavailableException.class);
    assertThat(rows("leads")).hasSize(1);
    assertThat(inSpotler(signedUp).externalId()).isNull();

    sandbox.mailplusServer().faults().clear();
    syncFeed(handler);

    assertThat(rows("leads")).hasSize(1);
    String leadId = rows("leads").get(0).get("leadid").asText();
    assertThat(inSpotler(signedUp).externalId()).isEqualTo(leadId);
    assertThat(store.recordLinks().findByRecord(CONNECTION, "lead", leadId)).isPresent();
  }

  @Test
  void a_crash_after_spotler_learned_the_row_id_leaves_one_contact_which_the_next_read_links() {
    NewSubscriberHandler handler = handler("createAs: contact");
    MailPlusContact signedUp = signUp(Map.of("email", "anna@example.nl", "firstName", "Anna"));
    // The link is made, but its check is never answered: the store does not know the link.
    sandbox.mailplusServer().faults().add(FaultRule.status(503).onMethod("GET").onPath("/contact/[0-9a-f-]{36}$"));

    assertThatThrownBy(() -> syncFeed(handler)).isInstanceOf(MailPlusUnavailableException.class);
    String contactId = rows("contacts").get(0).get("contactid").asText();
    assertThat(inSpotler(signedUp).externalId()).isEqualTo(contactId);
    assertThat(store.recordLinks().findByRecord(CONNECTION, "contact", contactId)).isEmpty();

    sandbox.mailplusServer().faults().clear();
    syncFeed(handler);

    assertThat(rows("contacts")).hasSize(1);
    assertThat(store.recordLinks().findByRecord(CONNECTION, "contact", contactId).orElseThrow().externalId())
        .isEqualTo(contactId);
    assertThat(unlinkedInFeed()).isEmpty();
  }

  @Test
  void a_contact_another_system_gave_an_external_id_is_left_for_review_and_nothing_is_written() {
    NewSubscriberHandler handler = handler("createAs: lead");
    sandbox.mailplus().putContact("SHOP-42", Map.of("email", "anna@example.nl", "firstName", "Anna"));
    long spotlerCalls = sandbox.mailplusServer().requestLog().lastSequence();

    syncFeed(handler);

    assertThat(rows("leads")).isEmpty();
    assertThat(reviews()).singleElement()
        .satisfies(review -> assertThat(review.reason()).contains("externalId").contains("another system"));
    assertThat(sandbox.mailplus().contact("SHOP-42")).isPresent();
    assertThat(sandbox.mailplusServer().requestLog().since(spotlerCalls))
        .noneMatch(call -> call.method().equals("POST") || call.method().equals("PUT"));
  }

  @Test
  void a_contact_spotler_does_not_link_is_left_for_review() {
    NewSubscriberHandler handler = handler("createAs: lead");
    // Two contacts without externalId share the address, so the account cannot tell which one the row id is for.
    ObjectNode signUp = JsonNodeFactory.instance.objectNode();
    signUp.putObject("properties").put("email", "shared@example.nl");
    List<MailPlusContact> seeded =
        sandbox.mailplus().putContacts(JsonNodeFactory.instance.arrayNode().add(signUp).add(signUp.deepCopy()), true);

    syncFeed(handler);

    String firstLead = SubscriberRowId.of(CONNECTION, "lead", seeded.get(0).encryptedId());
    assertThat(reviews()).extracting(PendingReview::encryptedId)
        .containsExactlyInAnyOrder(seeded.get(0).encryptedId(), seeded.get(1).encryptedId());
    assertThat(reviews()).allSatisfy(review -> assertThat(review.reason()).contains("externalId"));
    assertThat(reviews()).anySatisfy(review -> assertThat(review.candidateIds()).containsExactly(firstLead));
    assertThat(store.recordLinks().findByRecord(CONNECTION, "lead", firstLead)).isEmpty();
  }

  @Test
  void a_value_that_does_not_fit_its_column_is_left_for_review_without_writing() {
    NewSubscriberHandler handler = handler("createAs: contact");
    signUp(Map.of("email", "anna@example.nl", "firstName", "A".repeat(51)));

    syncFeed(handler);

    assertThat(rows("contacts")).isEmpty();
    assertThat(reviews()).singleElement()
        .satisfies(review -> assertThat(review.reason()).contains("firstName", "firstname").doesNotContain("AAAA"));
  }

  @Test
  void ignore_writes_nothing() {
    assertThat(handler("createAs: ignore")).isSameAs(NewSubscriberHandler.IGNORE);
  }

  @Test
  void a_match_column_that_no_mapping_row_fills_stops_start_up() {
    assertThatThrownBy(() -> handler("""
        createAs: contact
        matchOn: [emailaddress2]
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("matchOn").hasMessageContaining("emailaddress2");
  }
}
