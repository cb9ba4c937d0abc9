package org.spotlerconnector.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * {@code POST /webhooks/dataverse}: the webhook a Dataverse service endpoint posts (dataverse-api.md §7) when a Spotler
 * Job row is created or updated. It hands the job to the {@link JobIntake} and answers 202 at once: the job itself runs
 * on the job worker's threads, never inside the Dataverse call (which gives up after 60 seconds).
 *
 * <p>The key is accepted as {@code ?code=<key>} (WebhookKey authentication) or as the {@code x-webhook-key} header
 * (HttpHeader authentication); a wrong or missing key is 401. A body that is not a RemoteExecutionContext is 400.
 * A context for another table or another message is answered 202 and otherwise ignored: Dataverse records every other
 * answer as a failed system job, which would bury real failures under the noise of a step registered too widely; the
 * log says it was ignored.
 *
 * <p>Log lines carry only the message, table and row id, never the body: the job's columns may hold personal data.
 */
final class DataverseWebhookHandler implements Handler {
  static final String KEY_HEADER = "x-webhook-key";
  static final String KEY_QUERY_PARAMETER = "code";
  private static final Logger LOG = LoggerFactory.getLogger(DataverseWebhookHandler.class);
  private static final Set<String> JOB_MESSAGES = Set.of("Create", "Update");

  private final WebhookKey key;
  private final String jobTable;
  private final Optional<JobIntake> intake;
  private final WebMetrics metrics;

  DataverseWebhookHandler(WebhookKey key, String jobTable, Optional<JobIntake> intake, WebMetrics metrics) {
    this.key = key;
    this.jobTable = jobTable;
    this.intake = intake;
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx) {
    if (!key.matches(presentedKey(ctx))) {
      metrics.webhook(WebhookOutcome.UNAUTHORIZED);
      LOG.atWarn().addKeyValue("request", ctx.header("x-ms-correlation-request-id"))
          .log("webhook refused: wrong or missing key");
      throw new UnauthorizedResponse("Wrong or missing webhook key");
    }
    DataverseWebhook webhook = DataverseWebhook.parse(ctx.bodyAsBytes()).orElseThrow(() -> {
      metrics.webhook(WebhookOutcome.MALFORMED);
      LOG.atWarn().addKeyValue("request", ctx.header("x-ms-correlation-request-id"))
          .log("webhook refused: the body is not a RemoteExecutionContext");
      return new BadRequestResponse("The body must be a RemoteExecutionContext with MessageName, PrimaryEntityName"
          + " and PrimaryEntityId");
    });
    if (!jobTable.equals(webhook.primaryEntityName()) || !JOB_MESSAGES.contains(webhook.messageName())) {
      metrics.webhook(WebhookOutcome.IGNORED);
      log(webhook).log("webhook ignored: not a Create or Update of the job table");
      answer(ctx, "IGNORED", webhook);
      return;
    }
    if (intake.isEmpty()) {
      metrics.webhook(WebhookOutcome.UNAVAILABLE);
      log(webhook).log("webhook refused: Spotler Jobs are off on this connector");
      throw new ServiceUnavailableResponse("Spotler Jobs are off on this connector");
    }
    intake.get().nudge(webhook.primaryEntityId().toString());
    metrics.webhook(WebhookOutcome.ACCEPTED);
    log(webhook).log("webhook accepted");
    answer(ctx, "ACCEPTED", webhook);
  }

  private static String presentedKey(Context ctx) {
    String header = ctx.header(KEY_HEADER);
    return header != null ? header : ctx.queryParam(KEY_QUERY_PARAMETER);
  }

  private static LoggingEventBuilder log(DataverseWebhook webhook) {
    return LOG.atInfo()
        .addKeyValue("message", webhook.messageName())
        .addKeyValue("entity", webhook.primaryEntityName())
        .addKeyValue("id", webhook.primaryEntityId());
  }

  private static void answer(Context ctx, String status, DataverseWebhook webhook) {
    JsonAnswers.write(ctx, HttpStatus.ACCEPTED, Map.of("status", status, "id", webhook.primaryEntityId().toString()));
  }
}
