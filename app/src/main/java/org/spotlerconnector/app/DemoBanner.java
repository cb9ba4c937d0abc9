package org.spotlerconnector.app;

import java.util.List;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.mailplus.DemoAutomations;
import org.spotlerconnector.store.QueueCounts;

/** What {@code demo} prints once the initial load is done: where things are, and how to see a change flow through. */
final class DemoBanner {
  private static final String JAR = "app/target/spotler-connector.jar";

  private final Sandbox sandbox;
  private final Connector connector;

  DemoBanner(Sandbox sandbox, Connector connector) {
    this.sandbox = sandbox;
    this.connector = connector;
  }

  String text() {
    SandboxOptions o = sandbox.options();
    String id = sandbox.mailplus().contacts().isEmpty() ? "<contactid>" : sandbox.mailplus().contacts().get(0).externalId();
    String spotlerUrl = sandbox.mailplusUrl() + "/contact/" + id;
    QueueCounts queue = connector.outbound().queue();
    String jobs = sandbox.dataverseApiUrl() + "/spot_spotlerjobs";
    String jobContact = sandbox.mailplus().contacts().size() > 1 ? sandbox.mailplus().contacts().get(1).externalId() : id;
    return String.join("\n", List.of(
        "",
        "Spotler Connector demo is running (Ctrl-C stops it). "
            + sandbox.mailplus().contactCount() + " contacts are in the sandbox Spotler; "
            + queue.parked() + " records are parked for a person (see the log).",
        "",
        "  Dynamics 365 (Dataverse)  " + sandbox.dataverseApiUrl() + "/",
        "  Entra ID token endpoint   " + sandbox.tokenUrl(),
        "  Spotler Mail+             " + sandbox.mailplusUrl() + "/",
        "  Client id / secret        " + o.clientId() + " / " + o.clientSecret(),
        "  Mail+ consumer key/secret " + o.consumerKey() + " / " + o.consumerSecret(),
        "  Connector store           " + connector.config().store().redactedUrl(),
        "",
        "Change a contact in Dynamics 365 and see it in Spotler within seconds (bash):",
        "",
        "  TOKEN=$(curl -s " + sandbox.tokenUrl() + " -d grant_type=client_credentials -d client_id=" + o.clientId()
            + " -d client_secret=" + o.clientSecret() + " --data-urlencode scope=" + sandbox.dataverseUrl()
            + "/.default | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
        "",
        "  curl -s -X PATCH -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -H 'If-Match: *' \\",
        "       -d '{\"firstname\":\"Anna\",\"address1_city\":\"Zwolle\"}' '" + sandbox.dataverseApiUrl() + "/contacts(" + id + ")'",
        "",
        "  sleep 3; curl -s -H \"$(java -jar " + JAR + " sandbox oauth-header GET " + spotlerUrl + ")\" -H 'Accept: application/json' \\",
        "       " + spotlerUrl,
        "",
        "The last command shows firstName Anna and city Zwolle. Deactivating the contact anonymises it in Spotler:",
        "",
        "  curl -s -X PATCH -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -H 'If-Match: *' \\",
        "       -d '{\"statecode\":1,\"statuscode\":2}' '" + sandbox.dataverseApiUrl() + "/contacts(" + id + ")'",
        "",
        "Spotler Jobs: fetch the automations (Refresh Automations), then start the 'Welcome journey' for a contact:",
        "",
        "  curl -s -X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\",
        "       -d '{\"spot_operation\":100000002}' '" + jobs + "'",
        "",
        "  sleep 6; curl -s -X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{\"spot_operation\":100000003,"
            + " \"spot_customer_contact@odata.bind\":\"/contacts(" + jobContact + ")\","
            + " \"spot_automation@odata.bind\":\"/spot_spotlerautomations(spot_triggercode='\\''" + DemoAutomations.WELCOME_TRIGGER_CODE + "'\\'')\","
            + " \"spot_automationfields\":\"invoiceEmail=jan@example.com;crosssell={123,567}\"}' '" + jobs + "'",
        "",
        "  sleep 6; curl -s -H \"Authorization: Bearer $TOKEN\" '" + jobs
            + "?$select=spot_name,statuscode,spot_resultcode,spot_resultmessage,spot_automationcontactid'",
        "",
        "Both jobs end Completed with Result Code OK; the second holds the AutomationContactId of the run it started.",
        ""));
  }
}
