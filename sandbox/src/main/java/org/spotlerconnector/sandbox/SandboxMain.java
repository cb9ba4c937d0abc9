package org.spotlerconnector.sandbox;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.spotlerconnector.sandbox.mailplus.OAuthHeaderTool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code java -jar spotler-sandbox-all.jar}: runs every emulator until Ctrl-C, or prints an OAuth 1.0a header. */
@Command(
    name = "spotler-sandbox",
    mixinStandardHelpOptions = true,
    description = "Runs emulators of Entra ID, the Dataverse Web API and the Spotler Mail+ REST API on 127.0.0.1.",
    subcommands = SandboxMain.OAuthHeader.class)
public final class SandboxMain implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--entra-port", description = "Entra ID token endpoint port (default: ${DEFAULT-VALUE}).")
  int entraPort = SandboxOptions.DEFAULT_ENTRA_PORT;

  @Option(names = "--dataverse-port", description = "Dataverse Web API port (default: ${DEFAULT-VALUE}).")
  int dataversePort = SandboxOptions.DEFAULT_DATAVERSE_PORT;

  @Option(names = "--mailplus-port", description = "Spotler Mail+ REST API port (default: ${DEFAULT-VALUE}).")
  int mailplusPort = SandboxOptions.DEFAULT_MAILPLUS_PORT;

  @Option(names = "--seed", description = "Seed of the data set and of random faults (default: ${DEFAULT-VALUE}).")
  long seed = SandboxOptions.defaults().seed();

  @Option(names = "--accounts", description = "Accounts to seed (default: ${DEFAULT-VALUE}).")
  int accounts = SandboxOptions.defaults().accounts();

  @Option(names = "--contacts", description = "Contacts to seed (default: ${DEFAULT-VALUE}).")
  int contacts = SandboxOptions.defaults().contacts();

  @Option(names = "--leads", description = "Leads to seed (default: ${DEFAULT-VALUE}).")
  int leads = SandboxOptions.defaults().leads();

  @Option(names = "--spotler-contacts", description = "Seeded contacts that also exist in Spotler, as after an earlier sync (default: ${DEFAULT-VALUE}).")
  int spotlerContacts = SandboxOptions.defaults().spotlerContacts();

  @Option(names = "--no-marketing-lists",
      description = "Dataverse without marketing lists, as Power Apps without Dynamics 365 Sales.")
  boolean noMarketingLists;

  @Option(names = "--no-spotler-audiences",
      description = "A Spotler product without audiences (every audience call answers 403).")
  boolean noSpotlerAudiences;

  @Option(names = "--latency-ms", description = "Latency added to every API call, in milliseconds (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(names = "--tenant", description = "Entra ID tenant id (default: ${DEFAULT-VALUE}).")
  String tenant = SandboxOptions.DEFAULT_TENANT;

  @Option(names = "--client-id", description = "Application (client) id (default: ${DEFAULT-VALUE}).")
  String clientId = SandboxOptions.DEFAULT_CLIENT_ID;

  @Option(names = "--client-secret", description = "Client secret (default: ${DEFAULT-VALUE}).")
  String clientSecret = SandboxOptions.DEFAULT_CLIENT_SECRET;

  @Option(names = "--consumer-key", description = "Mail+ consumer key (default: ${DEFAULT-VALUE}).")
  String consumerKey = SandboxOptions.DEFAULT_CONSUMER_KEY;

  @Option(names = "--consumer-secret", description = "Mail+ consumer secret (default: ${DEFAULT-VALUE}).")
  String consumerSecret = SandboxOptions.DEFAULT_CONSUMER_SECRET;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SandboxMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    SandboxOptions options =
        SandboxOptions.defaults()
            .withPorts(entraPort, dataversePort, mailplusPort)
            .withData(seed, accounts, contacts, leads, spotlerContacts)
            .withLatency(latencyMillis)
            .withCredentials(tenant, clientId, clientSecret, consumerKey, consumerSecret)
            .withMarketingLists(!noMarketingLists)
            .withSpotlerAudiences(!noSpotlerAudiences);
    Sandbox sandbox = Sandbox.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "sandbox-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.print(new SandboxBanner(sandbox).text());
    out.flush();
    stopped.await();
    return 0;
  }

  /** {@code oauth-header GET <url>}: prints the Authorization header line that curl needs for a Mail+ call. */
  @Command(
      name = "oauth-header",
      mixinStandardHelpOptions = true,
      description = "Prints an OAuth 1.0a (HMAC-SHA1) Authorization header for one Spotler Mail+ request, for use with curl -H.")
  static final class OAuthHeader implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "HTTP method, e.g. GET.")
    String method;

    @Parameters(index = "1", description = "The full request URL, including its query string.")
    String url;

    @Option(names = "--consumer-key", description = "Consumer key (default: ${DEFAULT-VALUE}).")
    String consumerKey = SandboxOptions.DEFAULT_CONSUMER_KEY;

    @Option(names = "--consumer-secret", description = "Consumer secret (default: ${DEFAULT-VALUE}).")
    String consumerSecret = SandboxOptions.DEFAULT_CONSUMER_SECRET;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(
          "Authorization: " + OAuthHeaderTool.authorizationHeader(method, url, consumerKey, consumerSecret));
      return 0;
    }
  }
}
