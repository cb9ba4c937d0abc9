package org.spotlerconnector.sync.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.config.AudienceRemoval;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.jobs.JobOperation;
import org.spotlerconnector.jobs.JobSchema;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.mailplus.MailPlusAudiences;

/**
 * The list operations of Spotler Jobs, run by the connector's own job worker over real HTTP: Sync Marketing List, and
 * Add to List / Remove from List for a customer or lead and a named audience (issue: §1-§3; docs/dataverse-tables.md).
 */
class ListJobsIntegrationTest {
  private static final JobSchema SCHEMA = JobSchema.defaults();
  private static final SandboxOptions DATA = SandboxOptions.forTests().withData(9, 5, 60, 20, 0);

  @TempDir Path dir;
  private ListSyncFixture env;

  @AfterEach
  void stop() {
    if (env != null) {
      assertThat(env.sentAnEmptyingDelete()).as("a DELETE of an audience's contacts without ids").isFalse();
      env.close();
    }
  }

  @Test
  @DisplayName("Sync Marketing List marks the list for sync and syncs it now; the message counts what it did")
  void sync_marketing_list_marks_and_syncs_the_list() throws IOException {
    env = new ListSyncFixture(dir, DATA, AudienceRemoval.DELETE);
    String list = env.listId("Newsletter");

    String job = run(onList(job(JobOperation.SYNC_MARKETING_LIST), list));

    assertThat(result(job)).isEqualTo("OK");
    assertThat(message(job)).contains("synced to its Spotler audience").contains("added");
    assertThat(env.audience(list)).isEqualTo(env.membersInSpotler(list)).isNotEmpty();
    assertThat(env.sandbox.dataverse().table("lists").get(UUID.fromString(list)).orElseThrow()
        .path(ListSyncFixture.FLAG).asBoolean()).as("marked for the scheduled refresh").isTrue();
  }

  @Test
  @DisplayName("Sync Marketing List without a list is INVALID_INPUT; on a deleted list RECORD_NOT_FOUND")
  void sync_marketing_list_needs_an_existing_list() throws IOException {
    env = new ListSyncFixture(dir, DATA, AudienceRemoval.DELETE);
    String list = env.listId("Newsletter");
    String withoutList = env.dataverse.create(SCHEMA.jobEntitySet(), job(JobOperation.SYNC_MARKETING_LIST));
    String onDeletedList = env.dataverse.create(SCHEMA.jobEntitySet(),
        onList(job(JobOperation.SYNC_MARKETING_LIST), list));
    env.dataverse.delete("lists", RecordKey.id(list));

    env.connector.jobs().orElseThrow().pollOnce();

    assertThat(result(withoutList)).isEqualTo("INVALID_INPUT");
    assertThat(message(withoutList)).startsWith("Marketing List:");
    assertThat(result(onDeletedList)).isEqualTo("RECORD_NOT_FOUND");
    assertThat(message(onDeletedList)).contains("no longer exists");
  }

  @Test
  @DisplayName("Add to List creates the named audience and adds the contact; the same name in other case reaches"
      + " the same audience; Remove from List takes the contact out")
  void add_and_remove_from_a_named_audience() throws IOException {
    env = new ListSyncFixture(dir, DATA, AudienceRemoval.DELETE);
    String first = inSpotler(0);
    String second = inSpotler(1);

    String add = run(forContact(job(JobOperation.ADD_TO_LIST), first).put(SCHEMA.column("audience"), "Webinar 2026"));
    String addAgain = run(forContact(job(JobOperation.ADD_TO_LIST), second)
        .put(SCHEMA.column("audience"), "  webinar 2026 "));

    assertThat(result(add)).isEqualTo("OK");
    assertThat(result(addAgain)).isEqualTo("OK");
    MailPlusAudiences.Audience audience = env.sandbox.mailplus().audiences().all().get(0);
    assertThat(env.sandbox.mailplus().audiences().all()).hasSize(1);
    assertThat(audience.name()).isEqualTo("Webinar 2026");
    assertThat(env.audience(audience.externalId())).containsExactlyInAnyOrder(first, second);

    String remove = run(forContact(job(JobOperation.REMOVE_FROM_LIST), first)
        .put(SCHEMA.column("audience"), "Webinar 2026"));

    assertThat(result(remove)).isEqualTo("OK");
    assertThat(env.audience(audience.externalId())).containsExactly(second);
  }

  @Test
  @DisplayName("Add to List for a lead Spotler does not have yet syncs the lead first; a blank audience is"
      + " INVALID_INPUT; Remove from List of an audience that does not exist is OK")
  void add_to_list_syncs_the_record_first() throws IOException {
    env = new ListSyncFixture(dir, DATA, AudienceRemoval.DELETE);
    ObjectNode lead = JsonNodeFactory.instance.objectNode()
        .put("firstname", "New").put("lastname", "Lead").put("emailaddress1", "new.lead@example.org");
    String leadId = env.dataverse.create("leads", lead);

    String add = run(job(JobOperation.ADD_TO_LIST).put(SCHEMA.column("lead") + "@odata.bind", "/leads(" + leadId + ")")
        .put(SCHEMA.column("audience"), "Trade fair"));
    String blank = run(forContact(job(JobOperation.ADD_TO_LIST), inSpotler(0)).put(SCHEMA.column("audience"), " "));
    String removeFromNothing = run(forContact(job(JobOperation.REMOVE_FROM_LIST), inSpotler(0))
        .put(SCHEMA.column("audience"), "Never made"));

    assertThat(result(add)).as(message(add)).isEqualTo("OK");
    assertThat(env.sandbox.mailplus().contact(leadId)).isPresent();
    assertThat(result(blank)).isEqualTo("INVALID_INPUT");
    assertThat(message(blank)).startsWith("Audience:");
    assertThat(result(removeFromNothing)).isEqualTo("OK");
    assertThat(message(removeFromNothing)).contains("no audience");
  }

  @Test
  @DisplayName("a Spotler product without audiences: the list jobs fail NOT_AVAILABLE with a message, no stack trace")
  void without_audiences_the_list_jobs_are_not_available() throws IOException {
    env = new ListSyncFixture(dir, DATA.withSpotlerAudiences(false), AudienceRemoval.DELETE);
    String list = env.listId("Newsletter");

    String sync = run(onList(job(JobOperation.SYNC_MARKETING_LIST), list));
    String add = run(forContact(job(JobOperation.ADD_TO_LIST), inSpotler(0)).put(SCHEMA.column("audience"), "VIP"));

    assertThat(result(sync)).isEqualTo("NOT_AVAILABLE");
    assertThat(result(add)).isEqualTo("NOT_AVAILABLE");
    assertThat(message(sync)).contains("Automation and eCommerce").doesNotContain("Exception");
    assertThat(message(add)).contains("Automation and eCommerce").doesNotContain("Exception");
  }

  @Test
  @DisplayName("Dynamics without marketing lists: Sync Marketing List fails NOT_AVAILABLE pointing at Add to List,"
      + " which works")
  void without_marketing_lists_sync_is_not_available() throws IOException {
    env = new ListSyncFixture(dir, DATA.withMarketingLists(false), AudienceRemoval.DELETE);

    String sync = run(job(JobOperation.SYNC_MARKETING_LIST));
    String add = run(forContact(job(JobOperation.ADD_TO_LIST), inSpotler(0)).put(SCHEMA.column("audience"), "VIP"));

    assertThat(result(sync)).isEqualTo("NOT_AVAILABLE");
    assertThat(message(sync)).contains("no marketing lists").contains("Add to List");
    assertThat(result(add)).isEqualTo("OK");
  }

  @Test
  @DisplayName("Add to List naming the audience of a synced marketing list is refused by Spotler's unique names")
  void a_marketing_list_audience_name_is_taken() throws IOException {
    env = new ListSyncFixture(dir, DATA, AudienceRemoval.DELETE);
    String list = env.listId("Newsletter");
    run(onList(job(JobOperation.SYNC_MARKETING_LIST), list));
    String name = env.sandbox.mailplus().audiences().audience(list).orElseThrow().name();

    String add = run(forContact(job(JobOperation.ADD_TO_LIST), inSpotler(0)).put(SCHEMA.column("audience"), name));

    assertThat(result(add)).isEqualTo("SPOTLER_REJECTED");
    assertThat(message(add)).contains("unique");
  }

  private String run(ObjectNode job) {
    String id = env.dataverse.create(SCHEMA.jobEntitySet(), job);
    env.connector.jobs().orElseThrow().pollOnce();
    return id;
  }

  private String inSpotler(int index) {
    return env.sandbox.mailplus().contacts().stream()
        .map(contact -> contact.externalId())
        .filter(id -> env.sandbox.dataverse().table("contacts").get(UUID.fromString(id)).isPresent())
        .sorted()
        .skip(index)
        .findFirst()
        .orElseThrow();
  }

  private static ObjectNode job(JobOperation operation) {
    return JsonNodeFactory.instance.objectNode().put(SCHEMA.column("operation"), SCHEMA.operationValue(operation));
  }

  private static ObjectNode onList(ObjectNode job, String listId) {
    return job.put(SCHEMA.column("marketinglist") + "@odata.bind", "/lists(" + listId + ")");
  }

  private static ObjectNode forContact(ObjectNode job, String contactId) {
    return job.put(SCHEMA.column("customer_contact") + "@odata.bind", "/contacts(" + contactId + ")");
  }

  private String result(String jobId) {
    return row(jobId).path(SCHEMA.column("resultcode")).asText();
  }

  private String message(String jobId) {
    return row(jobId).path(SCHEMA.column("resultmessage")).asText();
  }

  private ObjectNode row(String jobId) {
    return env.dataverse.retrieve(SCHEMA.jobEntitySet(), RecordKey.id(jobId)).orElseThrow();
  }
}
