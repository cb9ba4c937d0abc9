package org.spotlerconnector.install;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.Lookups;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;

/**
 * Registers the webhook that tells the connector a Spotler Job was created (dataverse-api.md §7.1): a service endpoint
 * (contract 8 Webhook, authtype 4 WebhookKey, so Dataverse sends {@code ?code=<key>}; message format 2 Json) and an
 * asynchronous PostOperation step (stage 40, mode 1) on Create of the job table. Asynchronous, so a slow or stopped
 * connector never holds up the user who creates the job; the job worker's poll picks up whatever a webhook missed.
 *
 * <p>Running it again finds both by name: the endpoint gets the given URL and key (a key cannot be read back, so it is
 * always written), the step is left as it is.
 */
public final class WebhookRegistration {
  public static final String ENDPOINT_NAME = "Spotler Connector job webhook";
  public static final String STEP_NAME = "Spotler Connector: start a Spotler Job when it is created";
  private static final int WEBHOOK_CONTRACT = 8;
  private static final int WEBHOOK_KEY_AUTH = 4;
  private static final int JSON_FORMAT = 2;
  private static final int POST_OPERATION = 40;
  private static final int ASYNCHRONOUS = 1;
  private static final int SERVER_DEPLOYMENT = 0;

  private final DataverseClient dataverse;
  private final String jobTable;

  /** @param jobTable the job table's logical name, e.g. {@code spot_spotlerjob} */
  public WebhookRegistration(DataverseClient dataverse, String jobTable) {
    this.dataverse = Objects.requireNonNull(dataverse, "dataverse");
    this.jobTable = Objects.requireNonNull(jobTable, "jobTable");
  }

  /**
   * Registers, or updates, the endpoint and the step; returns what was created.
   *
   * @param webhookUrl the connector's public {@code /webhooks/dataverse} address, HTTPS in a real deployment
   * @param webhookKey the key the connector's {@code web.webhookKey} holds
   */
  public List<Created> register(URI webhookUrl, String webhookKey) {
    List<Created> created = new ArrayList<>();
    ObjectNode endpoint = JsonNodeFactory.instance.objectNode()
        .put("name", ENDPOINT_NAME)
        .put("url", webhookUrl.toString())
        .put("contract", WEBHOOK_CONTRACT)
        .put("authtype", WEBHOOK_KEY_AUTH)
        .put("authvalue", webhookKey)
        .put("messageformat", JSON_FORMAT);
    Optional<String> existingEndpoint = idByName("serviceendpoints", "serviceendpointid", ENDPOINT_NAME);
    String endpointId;
    if (existingEndpoint.isPresent()) {
      endpointId = existingEndpoint.get();
      dataverse.update("serviceendpoints", RecordKey.id(endpointId), endpoint);
    } else {
      endpointId = dataverse.create("serviceendpoints", endpoint);
      created.add(new Created("service endpoint", ENDPOINT_NAME));
    }
    if (idByName("sdkmessageprocessingsteps", "sdkmessageprocessingstepid", STEP_NAME).isEmpty()) {
      dataverse.create("sdkmessageprocessingsteps", step(endpointId));
      created.add(new Created("step", STEP_NAME));
    }
    return created;
  }

  private ObjectNode step(String endpointId) {
    String createMessage = firstId(ODataQuery.of("sdkmessages").select("sdkmessageid").filter("name eq 'Create'"),
        "sdkmessageid", "the Create SDK message");
    String filter = firstId(ODataQuery.of("sdkmessagefilters").select("sdkmessagefilterid")
            .filter("_sdkmessageid_value eq " + createMessage + " and primaryobjecttypecode eq '" + jobTable + "'"),
        "sdkmessagefilterid", "the Create message filter of " + jobTable + " (is the job table installed?)");
    ObjectNode step = JsonNodeFactory.instance.objectNode()
        .put("name", STEP_NAME)
        .put("stage", POST_OPERATION)
        .put("mode", ASYNCHRONOUS)
        .put("rank", 1)
        .put("supporteddeployment", SERVER_DEPLOYMENT)
        .put("asyncautodelete", true);
    Lookups.bind(step, "eventhandler_serviceendpoint", "serviceendpoints", RecordKey.id(endpointId));
    Lookups.bind(step, "sdkmessageid", "sdkmessages", RecordKey.id(createMessage));
    return Lookups.bind(step, "sdkmessagefilterid", "sdkmessagefilters", RecordKey.id(filter));
  }

  private Optional<String> idByName(String entitySet, String idColumn, String name) {
    var pages = dataverse.query(ODataQuery.of(entitySet).select(idColumn).filter("name eq '" + name + "'").top(1));
    if (!pages.hasNext()) {
      return Optional.empty();
    }
    return pages.next().items().stream().findFirst().map(row -> row.path(idColumn).asText());
  }

  private String firstId(ODataQuery query, String idColumn, String what) {
    var pages = dataverse.query(query.top(1));
    return (pages.hasNext() ? pages.next().items().stream().findFirst() : Optional.<ObjectNode>empty())
        .map(row -> row.path(idColumn).asText())
        .orElseThrow(() -> new IllegalStateException("Dataverse has no " + what));
  }
}
