package org.spotlerconnector.sandbox;

import java.util.List;
import org.spotlerconnector.sandbox.dataverse.DataverseTable;

/** What the sandbox prints when it starts: where everything is, the credentials, and commands to try. */
final class SandboxBanner {
  private static final String JAR = "sandbox/target/spotler-sandbox-all.jar";

  private final Sandbox sandbox;

  SandboxBanner(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  private String lists() {
    return sandbox.dataverse().hasMarketingLists()
        ? ", " + sandbox.dataverse().table("lists").count() + " marketing lists"
        : " (no marketing lists)";
  }

  String text() {
    SandboxOptions o = sandbox.options();
    DataverseTable contacts = sandbox.dataverse().table("contacts");
    // a contact that exists on both sides, so that step 4 finds it in Spotler
    String contactId = sandbox.mailplus().contacts().isEmpty()
        ? (contacts.rows().isEmpty() ? "<contactid>" : contacts.rows().get(0).get("contactid").asText())
        : sandbox.mailplus().contacts().get(0).externalId();
    String mailplusContactUrl = sandbox.mailplusUrl() + "/contact/" + contactId;
    String query = sandbox.dataverseApiUrl() + "/contacts?$select=fullname,emailaddress1,jobtitle&$top=3";
    return String.join(
        "\n",
        List.of(
            "Spotler Connector sandbox is running (seed " + o.seed() + ", Ctrl-C stops it).",
            "",
            "  Entra ID token endpoint  " + sandbox.tokenUrl(),
            "  Dataverse Web API        " + sandbox.dataverseApiUrl() + "/",
            "  Spotler Mail+ REST API   " + sandbox.mailplusUrl() + "/",
            "",
            "  Tenant id                " + o.tenant(),
            "  Client id / secret       " + o.clientId() + " / " + o.clientSecret(),
            "  Dataverse token scope    " + sandbox.dataverseUrl() + "/.default",
            "  Mail+ consumer key       " + o.consumerKey(),
            "  Mail+ consumer secret    " + o.consumerSecret(),
            "",
            "  Seeded: " + sandbox.dataverse().table("accounts").count() + " accounts, " + contacts.count()
                + " contacts, " + sandbox.dataverse().table("leads").count() + " leads" + lists()
                + " in Dataverse; " + sandbox.mailplus().contactCount() + " contacts in Spotler.",
            "",
            "Try it (bash):",
            "",
            "  # 1. get a token from Entra ID",
            "  TOKEN=$(curl -s " + sandbox.tokenUrl() + " -d grant_type=client_credentials -d client_id="
                + o.clientId() + " -d client_secret=" + o.clientSecret() + " --data-urlencode scope="
                + sandbox.dataverseUrl() + "/.default | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
            "",
            "  # 2. read contacts through the Dataverse Web API",
            "  curl -s -H \"Authorization: Bearer $TOKEN\" '" + query + "'",
            "",
            "  # 3. change a contact",
            "  curl -s -i -X PATCH -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -H 'If-Match: *' \\",
            "       -d '{\"jobtitle\":\"Head of Marketing\"}' '" + sandbox.dataverseApiUrl() + "/contacts(" + contactId + ")'",
            "",
            "  # 4. read the same contact through the Spotler Mail+ API (OAuth 1.0a header printed by the helper)",
            "  curl -s -H \"$(java -jar " + JAR + " oauth-header GET " + mailplusContactUrl + ")\" -H 'Accept: application/json' \\",
            "       " + mailplusContactUrl,
            "",
            "Inspection API on every port: /_sandbox/requests, /_sandbox/faults, /_sandbox/latency;",
            "  Dataverse: /_sandbox/tables[/{entitySet}], /_sandbox/lists/{listId}/members, /_sandbox/limits,",
            "             /_sandbox/reset",
            "  Mail+:     /_sandbox/contacts[/{externalId}|/by-encrypted-id/{id}], /_sandbox/sign-ups,",
            "             /_sandbox/properties[/{name}/entries], /_sandbox/audiences[/{externalId}/contacts],",
            "             /_sandbox/audience-settings, /_sandbox/rate-limit, /_sandbox/reset",
            ""));
  }
}
