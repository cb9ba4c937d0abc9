package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Webhooks: registration in {@code serviceendpoints} and {@code sdkmessageprocessingsteps} (register-web-hook.md,
 * dataverse-api.md §7.1) and what Dataverse sends (use-webhooks.md, §7.2, §10.1 item 12), checked with a real HTTP
 * receiver.
 */
class DataverseWebhookConformanceTest extends DataverseHttpTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CONTRACTS = "http://schemas.microsoft.com/xrm/2011/Contracts";
  private static final int WEBHOOK_KEY = 4;
  private static final int HTTP_HEADER = 5;
  private static final int HTTP_QUERY_STRING = 6;
  private static final int SYNCHRONOUS = 0;
  private static final int ASYNCHRONOUS = 1;

  private WebhookReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  @DisplayName("use-webhooks.md: a Create posts the RemoteExecutionContext as JSON with the x-ms-dynamics-* headers; "
      + "WebhookKey authentication adds ?code=<authvalue>")
  void sends_the_execution_context_with_the_documented_headers() throws Exception {
    UUID step = step("Create", "contact", endpoint(WEBHOOK_KEY, "secret-key"), ASYNCHRONOUS, null);
    UUID account = create("accounts", "{\"name\":\"Contoso\"}");

    UUID contact = create("contacts", "{\"lastname\":\"Jansen\",\"gendercode\":2,\"birthdate\":\"1990-03-04\","
        + "\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
    WebhookReceiver.Received hook = receiver.next(WAIT);

    assertThat(hook.method()).isEqualTo("POST");
    assertThat(hook.path()).isEqualTo("/hook");
    assertThat(hook.query()).isEqualTo("code=secret-key");
    assertThat(hook.header("Content-Type")).isEqualTo("application/json");
    assertThat(hook.header("x-ms-dynamics-organization")).isEqualTo("127.0.0.1");
    assertThat(hook.header("x-ms-dynamics-entity-name")).isEqualTo("contact");
    assertThat(hook.header("x-ms-dynamics-request-name")).isEqualTo("Create");
    JsonNode context = hook.json();
    assertThat(hook.header("x-ms-correlation-request-id")).isEqualTo(context.path("CorrelationId").asText());
    JsonNode whoAmI = get("WhoAmI").json();
    assertThat(context.path("MessageName").asText()).isEqualTo("Create");
    assertThat(context.path("PrimaryEntityName").asText()).isEqualTo("contact");
    assertThat(context.path("PrimaryEntityId").asText()).isEqualTo(contact.toString());
    assertThat(context.path("Mode").asInt()).isEqualTo(ASYNCHRONOUS);
    assertThat(context.path("Stage").asInt()).isEqualTo(40);
    assertThat(context.path("Depth").asInt()).isEqualTo(1);
    assertThat(context.path("OrganizationId").asText()).isEqualTo(whoAmI.path("OrganizationId").asText());
    assertThat(context.path("BusinessUnitId").asText()).isEqualTo(whoAmI.path("BusinessUnitId").asText());
    assertThat(context.path("UserId").asText()).isEqualTo(whoAmI.path("UserId").asText());
    assertThat(context.path("InitiatingUserId").asText()).isEqualTo(whoAmI.path("UserId").asText());
    assertThat(context.path("OrganizationName").asText()).isNotBlank();
    assertThat(context.path("SecondaryEntityName").asText()).isEqualTo("none");
    assertThat(context.path("OperationCreatedOn").asText()).isEqualTo("/Date(" + START.toEpochMilli() + ")/");
    assertThat(context.path("OwningExtension").path("Id").asText()).isEqualTo(step.toString());
    assertThat(context.path("OwningExtension").path("LogicalName").asText()).isEqualTo("sdkmessageprocessingstep");
    assertThat(context.path("OutputParameters").get(0).path("value").asText()).isEqualTo(contact.toString());
    assertThat(context.path("PostEntityImages").get(0).path("key").asText()).isEqualTo("AsynchronousStepPrimaryName");
    JsonNode target = context.path("InputParameters").get(0);
    assertThat(target.path("key").asText()).isEqualTo("Target");
    assertThat(target.path("value").path("__type").asText()).isEqualTo("Entity:" + CONTRACTS);
    assertThat(target.path("value").path("LogicalName").asText()).isEqualTo("contact");
    assertThat(target.path("value").path("Id").asText()).isEqualTo(contact.toString());
    Map<String, JsonNode> attributes = attributes(target.path("value"));
    assertThat(attributes.get("lastname").asText()).isEqualTo("Jansen");
    assertThat(attributes.get("contactid").asText()).isEqualTo(contact.toString());
    assertThat(attributes.get("gendercode").path("__type").asText()).isEqualTo("OptionSetValue:" + CONTRACTS);
    assertThat(attributes.get("gendercode").path("Value").asInt()).isEqualTo(2);
    assertThat(attributes.get("statecode").path("Value").asInt()).isZero();
    assertThat(attributes.get("parentcustomerid").path("__type").asText()).isEqualTo("EntityReference:" + CONTRACTS);
    assertThat(attributes.get("parentcustomerid").path("Id").asText()).isEqualTo(account.toString());
    assertThat(attributes.get("parentcustomerid").path("LogicalName").asText()).isEqualTo("account");
    assertThat(attributes.get("createdon").asText()).isEqualTo("/Date(" + START.toEpochMilli() + ")/");
    assertThat(attributes.get("birthdate").asText()).matches("/Date\\(\\d+\\)/");
    assertThat(emulator.awaitWebhooks(WAIT)).isTrue();
    WebhookDelivery delivery = emulator.webhookDeliveries().get(0);
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    assertThat(delivery.responseStatuses()).containsExactly(200);
    assertThat(delivery.url()).isEqualTo(receiver.url("/hook"));
  }

  @Test
  @DisplayName("register-web-hook.md (Authentication options): HttpHeader sends each setting as a header")
  void http_header_authentication_sends_headers() throws Exception {
    step("Create", "contact", endpoint(HTTP_HEADER,
        "<settings><setting name=\"x-api-key\" value=\"k-123\"/>"
            + "<setting name=\"x-tenant\" value=\"acme\"/></settings>"),
        ASYNCHRONOUS, null);

    create("contacts", "{\"lastname\":\"Jansen\"}");
    WebhookReceiver.Received hook = receiver.next(WAIT);

    assertThat(hook.query()).isNull();
    assertThat(hook.header("x-api-key")).isEqualTo("k-123");
    assertThat(hook.header("x-tenant")).isEqualTo("acme");
  }

  @Test
  @DisplayName("register-web-hook.md (Authentication options): HttpQueryString sends each setting as a query parameter")
  void http_query_string_authentication_sends_query_parameters() throws Exception {
    step("Create", "contact", endpoint(HTTP_QUERY_STRING,
        "<settings><setting name=\"Key1\" value=\"Value1\"/><setting name=\"Key2\" value=\"Value 2\"/></settings>"),
        ASYNCHRONOUS, null);

    create("contacts", "{\"lastname\":\"Jansen\"}");
    WebhookReceiver.Received hook = receiver.next(WAIT);

    assertThat(hook.query()).isEqualTo("Key1=Value1&Key2=Value%202");
    assertThat(hook.header("Key1")).isNull();
  }

  @Test
  @DisplayName("use-webhooks.md: an Update's Target holds only the changed columns, the key, modifiedon and "
      + "modifiedby; filtering attributes decide whether the step runs")
  void update_targets_and_filtering_attributes() throws Exception {
    step("Update", "contact", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, "emailaddress1,donotbulkemail");
    UUID contact = create("contacts", "{\"lastname\":\"Jansen\",\"jobtitle\":\"Buyer\"}");

    patch("contacts(" + contact + ")", "{\"jobtitle\":\"Head of Buying\"}");
    emulator.awaitWebhooks(WAIT);
    int afterUnfilteredChange = receiver.all().size();
    patch("contacts(" + contact + ")", "{\"emailaddress1\":\"jansen@example.com\"}");
    WebhookReceiver.Received hook = receiver.next(WAIT);

    assertThat(afterUnfilteredChange).isZero();
    JsonNode context = hook.json();
    assertThat(context.path("MessageName").asText()).isEqualTo("Update");
    assertThat(hook.header("x-ms-dynamics-request-name")).isEqualTo("Update");
    Map<String, JsonNode> attributes = attributes(context.path("InputParameters").get(0).path("value"));
    assertThat(attributes.keySet()).containsExactlyInAnyOrder("contactid", "emailaddress1", "modifiedon", "modifiedby");
    assertThat(attributes.get("emailaddress1").asText()).isEqualTo("jansen@example.com");
    assertThat(attributes.get("modifiedby").path("LogicalName").asText()).isEqualTo("systemuser");
  }

  @Test
  @DisplayName("dataverse-api.md §7.2: for a Delete the Target is an EntityReference")
  void delete_targets_are_references() throws Exception {
    step("Delete", "contact", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, null);
    UUID contact = create("contacts", "{\"lastname\":\"Jansen\"}");

    delete("contacts(" + contact + ")");
    JsonNode target = receiver.next(WAIT).json().path("InputParameters").get(0).path("value");

    assertThat(target.path("__type").asText()).isEqualTo("EntityReference:" + CONTRACTS);
    assertThat(target.path("Id").asText()).isEqualTo(contact.toString());
    assertThat(target.path("LogicalName").asText()).isEqualTo("contact");
  }

  @Test
  @DisplayName("use-webhooks.md (Troubleshoot): after 502, 503 or 504 one more attempt is made, and only one")
  void retries_once_after_503() throws Exception {
    step("Create", "contact", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, null);
    receiver.answer(503, 503);

    create("contacts", "{\"lastname\":\"Once\"}");
    emulator.awaitWebhooks(WAIT);
    WebhookDelivery failed = emulator.webhookDeliveries().get(0);
    receiver.answer(504);
    create("contacts", "{\"lastname\":\"Twice\"}");
    emulator.awaitWebhooks(WAIT);
    WebhookDelivery recovered = emulator.webhookDeliveries().get(1);

    assertThat(failed.responseStatuses()).containsExactly(503, 503);
    assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(recovered.responseStatuses()).containsExactly(504, 200);
    assertThat(recovered.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    assertThat(receiver.all()).hasSize(4);
  }

  @Test
  @DisplayName("use-webhooks.md: a 500 is a failure without a retry; register-web-hook.md: the failed asynchronous run "
      + "is a system job with statuscode 31 whose owningextensionid is the step")
  void does_not_retry_after_500_and_records_a_failed_system_job() throws Exception {
    UUID step = step("Create", "contact", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, null);
    receiver.answer(500);

    create("contacts", "{\"lastname\":\"Jansen\"}");
    assertThat(emulator.awaitWebhooks(WAIT)).isTrue();
    JsonNode jobs = get("asyncoperations?$orderby=completedon desc&$filter=statuscode eq 31 and "
        + "_owningextensionid_value eq @stepid&$select=name,friendlymessage,errorcode,message,completedon"
        + "&@stepid=" + step).value();

    assertThat(receiver.all()).hasSize(1);
    WebhookDelivery delivery = emulator.webhookDeliveries().get(0);
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(delivery.responseStatuses()).containsExactly(500);
    assertThat(delivery.error()).contains("500");
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).path("message").asText()).contains("500");
    assertThat(jobs.get(0).path("name").asText()).isEqualTo("Spotler: Create of contact");
  }

  @Test
  @DisplayName("use-webhooks.md: an endpoint that does not answer within the timeout (60 s, shortened here) fails")
  void gives_up_after_the_timeout() throws Exception {
    emulator.webhookTimeout(Duration.ofMillis(300));
    step("Create", "contact", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, null);
    receiver.delay(Duration.ofSeconds(2));

    create("contacts", "{\"lastname\":\"Jansen\"}");
    assertThat(emulator.awaitWebhooks(WAIT)).isTrue();

    WebhookDelivery delivery = emulator.webhookDeliveries().get(0);
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(delivery.responseStatuses()).containsExactly(0);
    assertThat(delivery.error()).contains("did not answer");
  }

  @Test
  @DisplayName("dataverse-api.md §7.2: an asynchronous step never delays the call that caused it")
  void asynchronous_delivery_does_not_block_the_call() throws Exception {
    step("Create", "contact", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, null);
    receiver.delay(Duration.ofSeconds(2));

    long started = System.nanoTime();
    Reply reply = post("contacts", "{\"lastname\":\"Jansen\"}");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(took).isLessThan(Duration.ofMillis(1_500));
    assertThat(emulator.webhookDeliveries().get(0).status()).isEqualTo(WebhookDelivery.Status.PENDING);
    assertThat(emulator.awaitWebhooks(WAIT)).isTrue();
    assertThat(emulator.webhookDeliveries().get(0).status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
  }

  @Test
  @DisplayName("dataverse-api.md §7.2: a synchronous step is delivered before the call returns, and its failure fails "
      + "the call and undoes the change")
  void synchronous_steps_belong_to_the_transaction() throws Exception {
    step("Create", "contact", endpoint(WEBHOOK_KEY, "k"), SYNCHRONOUS, null);

    Reply delivered = post("contacts", "{\"lastname\":\"Delivered\"}");
    int receivedBeforeReturn = receiver.all().size();
    receiver.answer(500);
    Reply failed = post("contacts", "{\"lastname\":\"Refused\"}");

    assertThat(delivered.status()).isEqualTo(204);
    assertThat(receivedBeforeReturn).isOne();
    assertThat(receiver.all().get(0).json().path("Mode").asInt()).isEqualTo(SYNCHRONOUS);
    assertThat(failed.status()).isEqualTo(400);
    assertThat(failed.errorCode()).isEqualTo("0x80040265");
    assertThat(failed.errorMessage()).contains("500");
    assertThat(get("contacts?$select=lastname").value().findValuesAsText("lastname")).containsExactly("Delivered");
  }

  @Test
  @DisplayName("writes through the Java API run the steps too; a rolled back change sends no asynchronous webhook")
  void java_api_writes_and_rollbacks() throws Exception {
    step("Create", "contact", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, null);
    DataverseTable contacts = emulator.table("contacts");

    UUID inserted = contacts.insert(Json.object().put("lastname", "Seeded"));
    WebhookReceiver.Received hook = receiver.next(WAIT);
    try {
      emulator.atomically(() -> {
        contacts.insert(Json.object().put("lastname", "Undone"));
        throw new IllegalStateException("undo");
      });
    } catch (IllegalStateException expected) {
      // the insert above is rolled back
    }
    emulator.awaitWebhooks(WAIT);

    assertThat(hook.json().path("PrimaryEntityId").asText()).isEqualTo(inserted.toString());
    assertThat(receiver.all()).hasSize(1);
    assertThat(contacts.count()).isOne();
  }

  @Test
  @DisplayName("register-web-hook.md: a step runs only for its message and its filter's table, and not while "
      + "disabled (statecode 1)")
  void steps_run_only_for_their_message_table_and_state() throws Exception {
    UUID step = step("Create", "account", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, null);

    create("contacts", "{\"lastname\":\"Other table\"}");
    UUID account = create("accounts", "{\"name\":\"First\"}");
    patch("accounts(" + account + ")", "{\"name\":\"Other message\"}");
    WebhookReceiver.Received hook = receiver.next(WAIT);
    Reply disabled = patch("sdkmessageprocessingsteps(" + step + ")", "{\"statecode\":1}");
    create("accounts", "{\"name\":\"While disabled\"}");
    emulator.awaitWebhooks(WAIT);

    assertThat(hook.json().path("PrimaryEntityId").asText()).isEqualTo(account.toString());
    assertThat(disabled.status()).isEqualTo(204);
    assertThat(get("sdkmessageprocessingsteps(" + step + ")?$select=statuscode").json().path("statuscode").asInt())
        .isEqualTo(2);
    assertThat(receiver.all()).hasSize(1);
  }

  @Test
  @DisplayName("a step on a table created through the metadata API sends webhooks for its rows")
  void steps_on_created_tables() throws Exception {
    Reply table = post("EntityDefinitions", MetadataBodies.table("spm_SpotlerJob", "Spotler Job", "spm_Name")
        .toString());
    step("Create", "spm_spotlerjob", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, null);

    UUID job = create("spm_spotlerjobs", "{\"spm_name\":\"Start automation\"}");
    WebhookReceiver.Received hook = receiver.next(WAIT);

    assertThat(table.status()).isEqualTo(204);
    assertThat(hook.header("x-ms-dynamics-entity-name")).isEqualTo("spm_spotlerjob");
    assertThat(hook.json().path("PrimaryEntityId").asText()).isEqualTo(job.toString());
    assertThat(attributes(hook.json().path("InputParameters").get(0).path("value")).get("spm_name").asText())
        .isEqualTo("Start automation");
  }

  @Test
  @DisplayName("the inspection API lists the deliveries with their status")
  void inspection_lists_deliveries() throws Exception {
    step("Create", "contact", endpoint(WEBHOOK_KEY, "k"), ASYNCHRONOUS, null);
    receiver.answer(500);
    create("contacts", "{\"lastname\":\"Jansen\"}");
    emulator.awaitWebhooks(WAIT);

    JsonNode deliveries = inspect("GET", "/_sandbox/webhooks", null).json().path("deliveries");
    Reply cleared = inspect("DELETE", "/_sandbox/webhooks", null);

    assertThat(deliveries).hasSize(1);
    assertThat(deliveries.get(0).path("status").asText()).isEqualTo("FAILED");
    assertThat(deliveries.get(0).path("responseStatuses").get(0).asInt()).isEqualTo(500);
    assertThat(deliveries.get(0).path("url").asText()).isEqualTo(receiver.url("/hook"));
    assertThat(deliveries.get(0).path("entity").asText()).isEqualTo("contact");
    assertThat(cleared.status()).isEqualTo(204);
    assertThat(emulator.webhookDeliveries()).isEmpty();
  }

  @Test
  @DisplayName("serviceendpoint.md: authvalue can be written but is never read back; register-web-hook.md: webhook "
      + "registrations are found with contract eq 8")
  void authvalue_is_not_readable() {
    UUID endpoint = endpoint(WEBHOOK_KEY, "secret-key");

    JsonNode read = get("serviceendpoints(" + endpoint + ")").json();
    JsonNode selected = get("serviceendpoints(" + endpoint + ")?$select=name,authvalue").json();
    JsonNode webhooks = get("serviceendpoints?$filter=contract eq 8&$select=serviceendpointid,name,authtype,url")
        .value();

    assertThat(read.has("authvalue")).isFalse();
    assertThat(read.path("url").asText()).isEqualTo(receiver.url("/hook"));
    assertThat(selected.has("authvalue")).isFalse();
    assertThat(webhooks).hasSize(1);
    assertThat(get("EntityDefinitions(LogicalName='serviceendpoint')/Attributes(LogicalName='authvalue')"
        + "?$select=IsValidForRead").json().path("IsValidForRead").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("register-web-hook.md (Query steps registered for a WebHook): "
      + "serviceendpoints(<id>)/serviceendpoint_sdkmessageprocessingstep lists the endpoint's steps")
  void lists_the_steps_of_an_endpoint() {
    UUID endpoint = endpoint(WEBHOOK_KEY, "k");
    UUID create = step("Create", "contact", endpoint, ASYNCHRONOUS, null);
    UUID update = step("Update", "contact", endpoint, ASYNCHRONOUS, "emailaddress1");
    step("Create", "account", endpoint(WEBHOOK_KEY, "other"), ASYNCHRONOUS, null);

    Reply reply = get("serviceendpoints(" + endpoint + ")/serviceendpoint_sdkmessageprocessingstep?$select="
        + "sdkmessageprocessingstepid,name,description,asyncautodelete,filteringattributes,mode,stage");
    Reply filtered = get("serviceendpoints(" + endpoint + ")/serviceendpoint_sdkmessageprocessingstep?$select=name"
        + "&$filter=filteringattributes ne null");
    Reply missing = get("serviceendpoints(" + UUID.randomUUID() + ")/serviceendpoint_sdkmessageprocessingstep");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.value().findValuesAsText("sdkmessageprocessingstepid"))
        .containsExactlyInAnyOrder(create.toString(), update.toString());
    assertThat(filtered.value().findValuesAsText("name")).containsExactly("Spotler: Update of contact");
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  @DisplayName("sdkmessages and sdkmessagefilters are the platform's: they can be read, not written")
  void sdk_messages_are_read_only() {
    JsonNode create = get("sdkmessages?$select=name&$filter=name eq 'Create'").value();
    String messageId = create.get(0).path("sdkmessageid").asText();
    JsonNode filters = get("sdkmessagefilters?$select=primaryobjecttypecode,secondaryobjecttypecode&$filter="
        + "_sdkmessageid_value eq " + messageId + " and primaryobjecttypecode eq 'contact'").value();

    Reply refused = post("sdkmessages", "{\"name\":\"Mine\"}");
    Reply notDeletable = delete("sdkmessagefilters(" + filters.get(0).path("sdkmessagefilterid").asText() + ")");

    assertThat(create).hasSize(1);
    assertThat(filters).hasSize(1);
    assertThat(filters.get(0).path("secondaryobjecttypecode").asText()).isEqualTo("none");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage())
        .startsWith("The 'Create' method does not support entities of type 'sdkmessage'.");
    assertThat(notDeletable.status()).isEqualTo(400);
    assertThat(get("sdkmessages?$select=name&$filter=name eq 'Create'").value().get(0).path("sdkmessageid").asText())
        .isEqualTo(messageId);
  }

  @Test
  @DisplayName("a webhook registration is checked: a URL and authentication the type needs, an asynchronous step "
      + "only in stage 40, a filter of the step's own message")
  void refuses_invalid_registrations() {
    UUID endpoint = endpoint(WEBHOOK_KEY, "k");
    String createId = messageId("Create");

    Reply noKey = post("serviceendpoints", "{\"name\":\"x\",\"url\":\"https://example.test/hook\",\"contract\":8,"
        + "\"authtype\":4}");
    Reply badSettings = post("serviceendpoints", "{\"name\":\"x\",\"url\":\"https://example.test/hook\","
        + "\"contract\":8,\"authtype\":5,\"authvalue\":\"x-api-key: 1\"}");
    Reply relativeUrl = post("serviceendpoints", "{\"name\":\"x\",\"url\":\"/hook\",\"contract\":8,\"authtype\":4,"
        + "\"authvalue\":\"k\"}");
    Reply asyncPreOperation = post("sdkmessageprocessingsteps", stepBody("x", 20, ASYNCHRONOUS, endpoint, createId,
        filterId("Create", "contact"), null).toString());
    Reply wrongFilter = post("sdkmessageprocessingsteps", stepBody("x", 40, ASYNCHRONOUS, endpoint, createId,
        filterId("Update", "contact"), null).toString());

    assertThat(List.of(noKey, badSettings, relativeUrl, asyncPreOperation, wrongFilter))
        .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(400));
    assertThat(emulator.table("serviceendpoints").count()).isOne();
    assertThat(emulator.table("sdkmessageprocessingsteps").count()).isZero();
  }

  private UUID endpoint(int authType, String authValue) {
    ObjectNode body = Json.object()
        .put("name", "spotler")
        .put("url", receiver.url("/hook"))
        .put("contract", 8)
        .put("authtype", authType)
        .put("authvalue", authValue)
        .put("messageformat", 2);
    return create("serviceendpoints", body.toString());
  }

  /** Registers a step the way a registrant does: it looks up the message and the filter ids first. */
  private UUID step(String message, String table, UUID endpoint, int mode, String filteringAttributes) {
    ObjectNode body = stepBody("Spotler: " + message + " of " + table, 40, mode, endpoint, messageId(message),
        filterId(message, table), filteringAttributes);
    return create("sdkmessageprocessingsteps", body.toString());
  }

  private static ObjectNode stepBody(
      String name, int stage, int mode, UUID endpoint, String messageId, String filterId, String filtering) {
    ObjectNode body = Json.object()
        .put("name", name)
        .put("stage", stage)
        .put("mode", mode)
        .put("rank", 1)
        .put("supporteddeployment", 0)
        .put("asyncautodelete", false)
        .put("eventhandler_serviceendpoint@odata.bind", "/serviceendpoints(" + endpoint + ")")
        .put("sdkmessageid@odata.bind", "/sdkmessages(" + messageId + ")")
        .put("sdkmessagefilterid@odata.bind", "/sdkmessagefilters(" + filterId + ")");
    if (filtering != null) {
      body.put("filteringattributes", filtering);
    }
    return body;
  }

  private String messageId(String message) {
    return get("sdkmessages?$select=sdkmessageid&$filter=name eq '" + message + "'").value().get(0)
        .path("sdkmessageid").asText();
  }

  private String filterId(String message, String table) {
    return get("sdkmessagefilters?$select=sdkmessagefilterid&$filter=_sdkmessageid_value eq " + messageId(message)
        + " and primaryobjecttypecode eq '" + table + "'").value().get(0).path("sdkmessagefilterid").asText();
  }

  /** The {@code Attributes} list of a serialized entity, by key. */
  private static Map<String, JsonNode> attributes(JsonNode entity) {
    Map<String, JsonNode> attributes = new HashMap<>();
    entity.path("Attributes").forEach(a -> attributes.put(a.path("key").asText(), a.path("value")));
    return attributes;
  }
}
