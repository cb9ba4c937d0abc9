package org.spotlerconnector.jobs;

import static org.spotlerconnector.sandbox.mailplus.DemoAutomations.WELCOME_TRIGGER_CODE;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spotlerconnector.dataverse.BudgetSettings;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.Lookups;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.dataverse.RetrySettings;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;
import org.spotlerconnector.sandbox.mailplus.DemoAutomations;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;

/**
 * The sandbox with the connector's tables made by the real {@link Installer}, the demo automations in Mail+, the
 * automation table filled by a Refresh Automations job, and job workers wired to it over real HTTP. The first
 * contacts are in Mail+ already; the others reach it only through the workers' contact pusher, which records them.
 */
final class InstalledJobsSandbox implements AutoCloseable {
  static final JobSchema SCHEMA = JobSchema.defaults();
  static final String TAG = "Scale";

  final Sandbox sandbox;
  final DataverseClient dataverse;
  final MailPlusAutomation spotler;
  final JobTable table;
  final List<JobRecord> pushed = new CopyOnWriteArrayList<>();
  private final JobRunner runner;
  private final List<String> contactIds;
  private final String welcomeRowId;

  /** Every one of the {@code contacts} is in Mail+. */
  InstalledJobsSandbox(int contacts) throws IOException {
    this(contacts, 0);
  }

  InstalledJobsSandbox(int contactsInSpotler, int contactsNotInSpotler) throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests()
        .withData(11, 5, contactsInSpotler + contactsNotInSpotler, 0, contactsInSpotler));
    DemoAutomations.seed(sandbox.mailplus());
    // A job costs 6 to 8 Dataverse requests: the documented 6,000 requests per 5 minutes would hold a thousand jobs
    // back for minutes, on the emulator's side and in the client's own budget, so both are lifted here.
    sandbox.dataverse().limits(ServiceProtectionLimits.DEFAULTS.withRequests(1_000_000).withExecutionTime(Duration.ofHours(10)));
    SandboxOptions o = sandbox.options();
    dataverse = DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .retry(new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(100)))
            .budget(new BudgetSettings(1_000_000, Duration.ofMinutes(5), 32, Duration.ofHours(10)))
            .build());
    new Installer(dataverse, InstallSettings.defaults()).install();
    spotler = MailPlusAutomation.of(MailPlusClient.create(
        MailPlusConfig.builder(o.consumerKey(), o.consumerSecret())
            .baseUrl(sandbox.mailplusUrl())
            .requestTimeout(Duration.ofSeconds(5))
            .maxRetries(3)
            .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
            .requestsPerSecond(5000)
            .build()));
    table = new JobTable(dataverse, SCHEMA);
    runner = new JobRunner(dataverse, spotler, SCHEMA, record -> {
      pushed.add(record);
      sandbox.mailplus().putContact(record.id(), Map.of("email", "pushed-" + record.id() + "@example.org"));
      return true;
    });
    contactIds = sandbox.dataverse().table("contacts").rows().stream()
        .map(row -> row.get("contactid").asText())
        .filter(id -> sandbox.mailplus().contact(id).isPresent())
        .toList();
    if (contactIds.size() < contactsInSpotler) {
      throw new IllegalStateException(
          "only " + contactIds.size() + " of " + contactsInSpotler + " contacts are in Mail+");
    }
    create(job(JobOperation.REFRESH_AUTOMATIONS));
    runDueJobs();
    welcomeRowId = automationRowId(WELCOME_TRIGGER_CODE);
  }

  /** A worker over real HTTP that pushes a contact Mail+ lacks, noting it in {@link #pushed}. */
  JobWorker worker(JobWorkerSettings settings) {
    return new JobWorker(table, runner, settings, Clock.systemUTC());
  }

  /** Quick polls and retries without waiting, for tests that run the due jobs themselves. */
  static JobWorkerSettings fastSettings() {
    return JobWorkerSettings.defaults()
        .withPollInterval(Duration.ofMillis(50))
        .withRetries(3, Duration.ZERO, Duration.ZERO);
  }

  /** Runs every due job once with a fresh worker; returns how many it finished or rescheduled. */
  int runDueJobs() {
    try (JobWorker worker = worker(fastSettings())) {
      return worker.pollOnce();
    }
  }

  /** The {@code index}th contact that was in Mail+ from the start, counting round. */
  String contactId(int index) {
    return contactIds.get(index % contactIds.size());
  }

  /** A contact Mail+ does not know yet. */
  String contactNotInSpotler() {
    return sandbox.dataverse().table("contacts").rows().stream()
        .map(row -> row.get("contactid").asText())
        .filter(id -> sandbox.mailplus().contact(id).isEmpty())
        .findFirst()
        .orElseThrow();
  }

  String create(ObjectNode job) {
    return dataverse.create(SCHEMA.jobEntitySet(), job);
  }

  ObjectNode row(String jobId) {
    return dataverse.retrieve(SCHEMA.jobEntitySet(), RecordKey.id(jobId)).orElseThrow();
  }

  static ObjectNode job(JobOperation operation) {
    return JsonNodeFactory.instance.objectNode().put(SCHEMA.column("operation"), SCHEMA.operationValue(operation));
  }

  static ObjectNode forContact(ObjectNode job, String contactId) {
    return Lookups.bind(job, SCHEMA.column("customer_contact"), "contacts", RecordKey.id(contactId));
  }

  ObjectNode forContact(ObjectNode job, int contactIndex) {
    return forContact(job, contactId(contactIndex));
  }

  /** The job on the automation row of the trigger, which Refresh Automations wrote. */
  ObjectNode withAutomation(ObjectNode job, String triggerCode) {
    return onAutomationRow(job, automationRowId(triggerCode));
  }

  ObjectNode onWelcome(ObjectNode job) {
    return onAutomationRow(job, welcomeRowId);
  }

  private static ObjectNode onAutomationRow(ObjectNode job, String rowId) {
    return Lookups.bind(job, SCHEMA.column("automation"), SCHEMA.automationEntitySet(), RecordKey.id(rowId));
  }

  /** An Add Tag job for the contact. */
  ObjectNode addTag(int contactIndex) {
    return forContact(job(JobOperation.ADD_TAG), contactIndex).put(SCHEMA.column("tag"), TAG);
  }

  /** A Start Automation job on the Welcome automation for the contact. */
  ObjectNode startWelcome(int contactIndex) {
    return onWelcome(forContact(job(JobOperation.START_AUTOMATION), contactIndex));
  }

  String automationRowId(String triggerCode) {
    return automationRow(triggerCode).get(SCHEMA.automationIdColumn()).asText();
  }

  ObjectNode automationRow(String triggerCode) {
    RecordKey byTriggerCode = RecordKey.alternate(SCHEMA.column("triggercode"), triggerCode);
    return dataverse.retrieve(SCHEMA.automationEntitySet(), byTriggerCode)
        .orElseThrow(() -> new AssertionError("no automation row for trigger " + triggerCode));
  }

  /** The timeline posts, read through the Web API. */
  List<ObjectNode> posts() {
    List<ObjectNode> posts = new ArrayList<>();
    dataverse.query(ODataQuery.of("posts")).forEachPage(posts::addAll);
    return posts;
  }

  /** Counts the jobs' result codes, and those not finished yet as their status ("QUEUED", "IN_PROGRESS"). */
  Map<String, Integer> resultCodes(List<String> jobIds) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ObjectNode row : rows(jobIds)) {
      counts.merge(outcomeOf(row), 1, Integer::sum);
    }
    return counts;
  }

  /** Every job's row, read through the emulator's inspection API so that injected faults do not hit the reading. */
  List<ObjectNode> rows(List<String> jobIds) {
    Map<String, ObjectNode> byId = new HashMap<>();
    for (ObjectNode row : sandbox.dataverse().table(SCHEMA.jobEntitySet()).rows()) {
      byId.put(row.get(SCHEMA.jobIdColumn()).asText(), row);
    }
    List<ObjectNode> rows = new ArrayList<>(jobIds.size());
    jobIds.forEach(id -> rows.add(byId.get(id)));
    return rows;
  }

  static String outcomeOf(ObjectNode row) {
    if (row.path("statecode").asInt() == 1 && row.hasNonNull(SCHEMA.column("resultcode"))) {
      return row.get(SCHEMA.column("resultcode")).asText();
    }
    int status = row.path("statuscode").asInt();
    return status == SCHEMA.statusValue(JobStatus.IN_PROGRESS) ? "IN_PROGRESS" : "QUEUED";
  }

  static boolean isFinished(ObjectNode row) {
    return row.path("statecode").asInt() == 1;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
