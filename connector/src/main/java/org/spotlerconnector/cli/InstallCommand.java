package org.spotlerconnector.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.install.Created;
import org.spotlerconnector.install.InstallConflictException;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.install.WebhookRegistration;
import org.spotlerconnector.runtime.Connector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code install}: creates the connector's own tables, roles and environment variables in Dataverse. */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = "Creates the connector's tables, security roles and environment variables in Dataverse, in a "
        + "solution of their own. Creates only what is missing; running it again changes nothing.")
final class InstallCommand extends ConnectorMain.WithConfig implements Callable<Integer> {
  @Option(names = "--prefix",
      description = "The publisher's customisation prefix of every name (default: jobs.prefix of the configuration, spot).")
  String prefix;

  @Option(names = "--option-value-prefix",
      description = "The publisher's choice value prefix, 10000 to 99999 (default: jobs.optionValuePrefix, 10000).")
  Integer optionValuePrefix;

  @Option(names = "--solution", defaultValue = InstallSettings.DEFAULT_SOLUTION,
      description = "The unique name of the solution to create them in (default: ${DEFAULT-VALUE}).")
  String solution;

  @Option(names = "--dry-run", description = "Only print what would be created.")
  boolean dryRun;

  @Option(names = "--webhook-url",
      description = "Also registers the webhook that starts a Spotler Job as soon as it is created: the connector's "
          + "public HTTPS address of /webhooks/dataverse, authenticated with web.webhookKey of the configuration.")
  URI webhookUrl;

  @Override
  public Integer call() {
    ConnectorConfig config = loadConfig();
    DataverseClient dataverse = DataverseClient.create(Connector.dataverseSettings(config.dataverse()));
    InstallSettings settings = new InstallSettings(
        prefix != null ? prefix : config.jobs().prefix(),
        optionValuePrefix != null ? optionValuePrefix : config.jobs().optionValuePrefix(),
        solution);
    Installer installer = new Installer(dataverse, settings);
    PrintWriter out = spec.commandLine().getOut();
    if (webhookUrl != null && config.web().webhookKey().isEmpty()) {
      spec.commandLine().getErr().println("--webhook-url needs web.webhookKey in the configuration: the key Dataverse"
          + " will send with each webhook.");
      return ConnectorMain.EXIT_CONFIG;
    }
    List<Created> created;
    try {
      created = new ArrayList<>(dryRun ? installer.plan() : installer.install());
    } catch (InstallConflictException conflict) {
      spec.commandLine().getErr().println(conflict.getMessage());
      return ConnectorMain.EXIT_CONFIG;
    }
    if (webhookUrl != null) {
      if (dryRun) {
        out.printf("  would register the webhook %s%n", webhookUrl);
      } else {
        created.addAll(new WebhookRegistration(dataverse, settings.prefix() + "_spotlerjob")
            .register(webhookUrl, config.web().webhookKey().orElseThrow().reveal()));
      }
    }
    created.forEach(item -> out.printf("  %s %s%n", dryRun ? "would create" : "created", item));
    if (created.isEmpty()) {
      out.println("Everything is installed already; nothing was changed.");
    } else {
      out.printf("%s %d items in solution %s.%n", dryRun ? "Would create" : "Created", created.size(), solution);
    }
    out.flush();
    return 0;
  }
}
