package org.spotlerconnector.spotler.automation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.Automation;
import org.spotlerconnector.sandbox.mailplus.Campaign;
import org.spotlerconnector.sandbox.mailplus.FieldType;
import org.spotlerconnector.sandbox.mailplus.MailPlusEmulator;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;

/**
 * The Mail+ emulator over real HTTP on 127.0.0.1, seeded with a small account: contacts, automations of each kind and
 * a campaign. Kept apart from the tests because the sandbox's model classes share names with the adapter's.
 */
final class AutomationSandbox implements AutoCloseable {
  static final String CONTACT = "CRM-000123";
  static final String OTHER_CONTACT = "CRM-000456";

  static final String WELCOME_ID = "6f1c0a52-3d4e-4b8a-9c21-5e7f0a1b2c3d";
  static final String WELCOME_CODE = "bc0a8795-536c-432b-83ef-bcb46944eb0f";
  static final String ONCE_ID = "0b8e6c1d-7a2f-4e35-8d9c-1f2a3b4c5d6e";
  static final String ONCE_CODE = "5a7d2e90-1c4b-4f68-a3e5-9b0c8d7e6f51";
  static final String DRAFT_ID = "9d3f1a7c-2b6e-4c80-b5d4-3e2f1a0b9c8d";
  static final String DRAFT_CODE = "e4c2b1a0-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
  static final String UNUSED_CODE = "00000000-0000-4000-8000-000000000000";

  static final String CAMPAIGN_ID = "c0a1b2c3d4e5f60718293a4b";
  static final String CAMPAIGN_TRIGGER_ID = "t0f1e2d3c4b5a69788796a5b";

  private static final String KEY = "automation-key";
  private static final String SECRET = "automation-secret";
  static final int MAX_RETRIES = 3;

  final MailPlusEmulator emulator;
  final EmulatorServer server;
  final MailPlusAutomation automation;

  private AutomationSandbox(MailPlusEmulator emulator, EmulatorServer server) {
    this.emulator = emulator;
    this.server = server;
    MailPlusClient client =
        MailPlusClient.create(
            MailPlusConfig.builder(KEY, SECRET)
                .baseUrl(server.baseUrl() + MailPlusEmulator.DEFAULT_PATH_PREFIX)
                .requestTimeout(Duration.ofSeconds(5))
                .maxRetries(MAX_RETRIES)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
                .requestsPerSecond(1000)
                .build());
    this.automation = MailPlusAutomation.of(client);
  }

  static AutomationSandbox start() throws IOException {
    MailPlusEmulator emulator = MailPlusEmulator.builder().consumer(KEY, SECRET).build();
    seed(emulator);
    return new AutomationSandbox(emulator, EmulatorServer.start(emulator, 0, 42));
  }

  private static void seed(MailPlusEmulator emulator) {
    emulator.putContact(CONTACT, Map.of("email", "jan@example.nl"));
    emulator.putContact(OTHER_CONTACT, Map.of("email", "piet@example.nl"));
    emulator.automations().addAutomation(
        Automation.named("Welcome journey")
            .id(WELCOME_ID)
            .trigger(WELCOME_CODE, "Start welcome")
            .field("invoiceEmail", FieldType.STRING)
            .field("crosssell", FieldType.PRODUCTLIST)
            .field("orderLink", FieldType.URL)
            .build());
    emulator.automations().addAutomation(
        Automation.named("Order follow-up").id(ONCE_ID).trigger(ONCE_CODE, "Order delivered").participationLimit(1).build());
    emulator.automations().addAutomation(
        Automation.named("Win-back").id(DRAFT_ID).draft().published(false).trigger(DRAFT_CODE, "Start win-back").build());
    emulator.campaigns().addCampaign(
        Campaign.named("Onboarding").encryptedId(CAMPAIGN_ID).trigger(CAMPAIGN_TRIGGER_ID, "Start onboarding").build());
  }

  /** The API calls the emulator received, inspection calls left out. */
  List<RequestLog.Entry> apiCalls() {
    return server.requestLog().matching(e -> !e.path().startsWith("/_sandbox/"));
  }

  @Override
  public void close() {
    server.close();
  }
}
