package org.spotlerconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.ConnectorProcess;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.MailPlusContact;
import org.spotlerconnector.store.QueueCounts;
import org.spotlerconnector.store.Store;

/**
 * The crash test: the connector, a real process of its own, is killed with SIGKILL twice during the initial load of
 * 20,000 contacts and started again; every contact ends in Spotler exactly as in Dataverse, none skipped, and the
 * load goes on where it stopped instead of starting over.
 */
class CrashRecoveryTest {
  private static final int CONTACTS = 20_000;
  private static final int ACCOUNTS = 300;
  /** Small pages, so that the initial load has many resume points to be killed between. */
  private static final int PAGE_SIZE = 500;
  private static final int FULL_LOAD_PAGES = CONTACTS / PAGE_SIZE;
  private static final Duration KILL_POINT_WAIT = Duration.ofSeconds(45);
  private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(90);
  private static final long POLL_MILLIS = 150;
  /** The connection id {@link SyncTestEnvironment#yaml} configures. */
  private static final String CONNECTION_ID = "test";

  @TempDir Path dir;
  private Sandbox sandbox;
  private final List<ConnectorProcess> runs = new ArrayList<>();

  @BeforeEach
  void startSandbox() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(42, ACCOUNTS, CONTACTS, 0, 0));
    // Latency on both sides spreads the load over a few seconds, so that a kill lands in the middle of it. Reading
    // is the slower side, so the kills come while the initial load still has pages left.
    sandbox.dataverseServer().latency().set(40, 10);
    sandbox.mailplusServer().latency().set(20, 5);
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (ConnectorProcess run : runs) {
      run.killIfRunning();
    }
    sandbox.close();
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES) // above the sum of the waits, so that a slow run fails with their message
  void a_connector_killed_during_the_initial_load_resumes_it_and_every_contact_ends_in_spotler_as_in_dataverse()
      throws Exception {
    Map<String, Map<String, String>> expected = expectedSpotlerContacts();
    Path config = writeConfig();
    try {
      ConnectorProcess first = start(config);
      killWhenSpotlerHolds(first, 3_000);
      long beforeSecondRun = dataverseLog().lastSequence();
      assertThat(initialLoadPages(0)).as("the first kill came during the initial load").isLessThan(FULL_LOAD_PAGES);

      ConnectorProcess second = start(config);
      killWhenSpotlerHolds(second, 10_000);
      long beforeLastRun = dataverseLog().lastSequence();
      assertThat(initialLoadPages(0)).as("the second kill came during the initial load").isLessThan(FULL_LOAD_PAGES);

      ConnectorProcess last = start(config);
      awaitCatchUp(last, expected);
      last.killHard();
      System.out.printf("initial-load pages read per run: %d, %d, %d (a full load is %d)%n",
          initialLoadPages(0) - initialLoadPages(beforeSecondRun),
          initialLoadPages(beforeSecondRun) - initialLoadPages(beforeLastRun),
          initialLoadPages(beforeLastRun), FULL_LOAD_PAGES);

      assertThat(mismatches(expected)).isEmpty();
      assertThat(sandbox.mailplus().contactCount()).as("nothing but the syncable contacts").isEqualTo(expected.size());
      // Each kill can cost at most the one page whose changes were not yet committed with its next link, so the three
      // runs together read at most a full load plus two pages. Had a restart ignored the saved next link, the second
      // run would have started from the first page again and the total would exceed this by the pages read before
      // the first kill (thousands of contacts' worth).
      assertThat(initialLoadPages(0)).as("change-tracking pages read by all runs").isLessThanOrEqualTo(FULL_LOAD_PAGES + 2);
      assertThat(initialLoadPages(beforeLastRun)).as("pages read by the last run").isLessThan(FULL_LOAD_PAGES)
          .isPositive();
      assertThat(dataverseLog().since(beforeLastRun)).filteredOn(CrashRecoveryTest::isInitialLoadPage).first()
          .as("the last run's first change-tracking request goes on from a saved next link")
          .satisfies(e -> assertThat(e.query()).containsAnyOf("$skiptoken", "%24skiptoken"));
    } catch (Throwable failure) {
      printOutputs();
      throw failure;
    }
  }

  private ConnectorProcess start(Path config) throws IOException {
    ConnectorProcess run = ConnectorProcess.run(config, dir.resolve("run-" + (runs.size() + 1) + ".log"));
    runs.add(run);
    return run;
  }

  private void killWhenSpotlerHolds(ConnectorProcess run, int contacts) throws InterruptedException {
    await(KILL_POINT_WAIT, "Spotler to hold " + contacts + " contacts", run,
        () -> sandbox.mailplus().contactCount() >= contacts);
    run.killHard();
    assertThat(sandbox.mailplus().contactCount()).as("the kill came before everything was in Spotler")
        .isLessThan(CONTACTS * 9 / 10);
  }

  /**
   * Waits until Spotler holds every syncable contact as Dataverse has it. Besides the rest of the load, the last run
   * must send what a killed run had claimed but not finished; were those claims left to their lease (minutes), this
   * wait would run out.
   */
  private void awaitCatchUp(ConnectorProcess run, Map<String, Map<String, String>> expected)
      throws InterruptedException {
    try {
      await(CATCH_UP_WAIT, "every contact to be in Spotler as in Dataverse", run,
          () -> sandbox.mailplus().contactCount() >= expected.size() && mismatches(expected).isEmpty());
    } catch (AssertionError notCaughtUp) {
      throw new AssertionError(notCaughtUp.getMessage() + "; Spotler holds " + sandbox.mailplus().contactCount()
          + " of " + expected.size() + ", the connector's queue: " + queueCounts() + ", first problems: "
          + mismatches(expected), notCaughtUp);
    }
  }

  /** What the connector's queue holds, read from its store while it runs (SQLite lets another process read). */
  private QueueCounts queueCounts() {
    try (Store store = Store.open("jdbc:sqlite:" + storeFile())) {
      return store.outboundQueue().counts(CONNECTION_ID);
    }
  }

  private static void await(Duration limit, String what, ConnectorProcess run, BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      assertThat(run.isAlive()).as("the connector process is still running while waiting for " + what).isTrue();
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * What the default mapping makes of every active contact that may be e-mailed, by contact id: the fields this test
   * checks, read straight from the Dataverse rows.
   */
  private Map<String, Map<String, String>> expectedSpotlerContacts() {
    Map<String, String> accountNames = new HashMap<>();
    for (ObjectNode account : sandbox.dataverse().table("accounts").rows()) {
      accountNames.put(account.get("accountid").asText(), account.get("name").asText());
    }
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    for (ObjectNode contact : sandbox.dataverse().table("contacts").rows()) {
      if (contact.get("statecode").asInt() != 0 || contact.path("donotemail").asBoolean()) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("email", contact.get("emailaddress1").asText());
      fields.put("firstName", contact.get("firstname").asText());
      fields.put("infix", textOrNull(contact, "middlename"));
      fields.put("lastName", contact.get("lastname").asText());
      fields.put("city", contact.get("address1_city").asText());
      String parent = textOrNull(contact, "_parentcustomerid_value");
      fields.put("organisation", parent == null ? null : accountNames.get(parent));
      fields.put("customerType", "contact");
      expected.put(contact.get("contactid").asText(), fields);
    }
    return expected;
  }

  /** The first few contacts that are missing from Spotler or differ from what the mapping makes of Dataverse. */
  private List<String> mismatches(Map<String, Map<String, String>> expected) {
    Map<String, MailPlusContact> inSpotler = new HashMap<>();
    sandbox.mailplus().contacts().forEach(c -> inSpotler.put(c.externalId(), c));
    List<String> problems = new ArrayList<>();
    expected.forEach((id, fields) -> {
      MailPlusContact contact = inSpotler.get(id);
      if (contact == null) {
        problems.add(id + " is not in Spotler");
        return;
      }
      fields.forEach((property, value) -> {
        Object actual = contact.properties().get(property);
        if (!Objects.equals(value, actual == null ? null : actual.toString())) {
          problems.add(id + " has " + property + "=" + actual + ", expected " + value);
        }
      });
    });
    inSpotler.keySet().stream().filter(id -> !expected.containsKey(id))
        .forEach(id -> problems.add(id + " is in Spotler but should not be"));
    return problems.subList(0, Math.min(problems.size(), 20));
  }

  /** Pages of the contacts' initial change-tracking read logged after {@code sequence} (0: all of them). */
  private long initialLoadPages(long sequence) {
    return dataverseLog().since(sequence).stream().filter(CrashRecoveryTest::isInitialLoadPage).count();
  }

  /**
   * A page of the initial load: a successful change-tracking GET of the contacts (a retried failure is no page), not a
   * delta read ({@code $deltatoken}) and not the re-read of a page's rows with their account names (no change
   * tracking asked).
   */
  private static boolean isInitialLoadPage(RequestLog.Entry entry) {
    String query = entry.query() == null ? "" : entry.query();
    return entry.method().equals("GET")
        && entry.status() == 200
        && entry.path().endsWith("/contacts")
        && entry.headers().getOrDefault("Prefer", List.of()).stream().anyMatch(p -> p.contains("odata.track-changes"))
        && !query.contains("deltatoken");
  }

  private RequestLog dataverseLog() {
    return sandbox.dataverseServer().requestLog();
  }

  private Path writeConfig() throws IOException {
    String yaml = SyncTestEnvironment.yaml(sandbox, storeFile(), """
        tables:
          lead: false
          account: false
        """).replace("dataverse:\n", "dataverse:\n  pageSize: " + PAGE_SIZE + "\n");
    Path config = dir.resolve("connector.yml");
    Files.writeString(config, yaml);
    return config;
  }

  private Path storeFile() {
    return dir.resolve("store.db");
  }

  private void printOutputs() {
    for (ConnectorProcess run : runs) {
      System.out.println("---- output of " + run.outputFile().getFileName() + " ----");
      System.out.println(run.output());
    }
  }

  private static String textOrNull(ObjectNode row, String column) {
    return row.hasNonNull(column) ? row.get(column).asText() : null;
  }
}
