package org.spotlerconnector.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.Lookups;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.dataverse.RetrySettings;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.mailplus.DemoAutomations;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;

/**
 * The sandbox with the job tables, the demo automations, and a job runner wired to it over real HTTP. The first
 * {@link #SPOTLER_CONTACTS} contacts are in Mail+ already; the others reach it through the test's contact pusher.
 */
final class JobsSandbox implements AutoCloseable {
  static final int SPOTLER_CONTACTS = 60;
  static final JobSchema SCHEMA = JobTables.SCHEMA;

  final Sandbox sandbox;
  final DataverseClient dataverse;
  final MailPlusAutomation spotler;
  final JobTable table;
  final List<JobRecord> pushed = new CopyOnWriteArrayList<>();
  final JobRunner runner;

  JobsSandbox() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(7, 3, SPOTLER_CONTACTS + 5, 3, SPOTLER_CONTACTS));
    JobTables.addTo(sandbox.dataverse());
    DemoAutomations.seed(sandbox.mailplus());
    SandboxOptions o = sandbox.options();
    dataverse = DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .retry(new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50)))
            .build());
    spotler = MailPlusAutomation.of(MailPlusClient.create(
        MailPlusConfig.builder(o.consumerKey(), o.consumerSecret())
            .baseUrl(sandbox.mailplusUrl())
            .requestTimeout(Duration.ofSeconds(5))
            .maxRetries(2)
            .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
            .requestsPerSecond(1000)
            .build()));
    table = new JobTable(dataverse, SCHEMA);
    runner = new JobRunner(dataverse, spotler, SCHEMA, record -> {
      pushed.add(record);
      sandbox.mailplus().putContact(record.id(), Map.of("email", "pushed-" + record.id() + "@example.org"));
      return true;
    });
  }

  JobWorker worker(JobWorkerSettings settings) {
    return new JobWorker(table, runner, settings, Clock.systemUTC());
  }

  static JobWorkerSettings fastSettings() {
    return JobWorkerSettings.defaults().withPollInterval(Duration.ofMillis(50)).withRetries(3, Duration.ZERO, Duration.ZERO);
  }

  /** Runs every due job once with a fresh worker. */
  int runDueJobs() {
    try (JobWorker worker = worker(fastSettings())) {
      return worker.pollOnce();
    }
  }

  /** The {@code index}th contact that Mail+ knows. */
  String contactId(int index) {
    return sandbox.dataverse().table("contacts").rows().stream()
        .map(row -> row.get("contactid").asText())
        .filter(id -> sandbox.mailplus().contact(id).isPresent())
        .skip(index)
        .findFirst()
        .orElseThrow();
  }

  /** A contact Mail+ does not know yet. */
  String contactNotInSpotler() {
    return sandbox.dataverse().table("contacts").rows().stream()
        .map(row -> row.get("contactid").asText())
        .filter(id -> sandbox.mailplus().contact(id).isEmpty())
        .findFirst()
        .orElseThrow();
  }

  static ObjectNode job(JobOperation operation) {
    return JsonNodeFactory.instance.objectNode().put("spot_operation", SCHEMA.operationValue(operation));
  }

  static ObjectNode forContact(ObjectNode job, String contactId) {
    return Lookups.bind(job, "spot_customer_contact", "contacts", RecordKey.id(contactId));
  }

  ObjectNode withAutomation(ObjectNode job, String triggerCode) {
    return Lookups.bind(job, "spot_automation", SCHEMA.automationEntitySet(), RecordKey.id(automationRowId(triggerCode)));
  }

  String create(ObjectNode job) {
    return dataverse.create(SCHEMA.jobEntitySet(), job);
  }

  ObjectNode row(String jobId) {
    return dataverse.retrieve(SCHEMA.jobEntitySet(), RecordKey.id(jobId)).orElseThrow();
  }

  /** Fills the automation table as Refresh Automations does. */
  void refreshAutomations() {
    create(job(JobOperation.REFRESH_AUTOMATIONS));
    runDueJobs();
  }

  String automationRowId(String triggerCode) {
    return automationRow(triggerCode).get(SCHEMA.automationIdColumn()).asText();
  }

  ObjectNode automationRow(String triggerCode) {
    return dataverse.retrieve(SCHEMA.automationEntitySet(), RecordKey.alternate("spot_triggercode", triggerCode))
        .orElseThrow(() -> new AssertionError("no automation row for trigger " + triggerCode));
  }

  List<ObjectNode> posts() {
    List<ObjectNode> posts = new CopyOnWriteArrayList<>();
    dataverse.query(ODataQuery.of("posts")).forEachPage(posts::addAll);
    return posts;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
