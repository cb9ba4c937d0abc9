package org.spotlerconnector.spotler.automation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.spotler.MailPlusException;
import org.spotlerconnector.spotler.MailPlusNotFoundException;
import org.spotlerconnector.spotler.MailPlusResponse;

/**
 * Reads the {@code ExternalTriggerValidationResult} that an automation trigger answers with 200, 404 and 417
 * (spotler-api.md §3.1). A 200 without a readable one still means that at least one automation started, so it is never
 * turned into an error that a caller might retry. A 404 or 417 without one is an ordinary error, such as a wrong base
 * URL.
 */
final class TriggerAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerAnswers.class);
  private static final TypeReference<Body> BODY = new TypeReference<>() {};

  private record Body(TriggerResultCode result, List<AutomationResult> automationResults) {}

  private TriggerAnswers() {}

  static TriggerResult read(MailPlusResponse response) {
    JsonNode json = jsonOrNull(response);
    Body body = json != null && json.hasNonNull("result") ? bodyOrNull(response) : null;
    if (body != null) {
      return new TriggerResult(response.status(), body.result(), body.automationResults());
    }
    if (response.status() == 200) {
      LOG.atWarn()
          .addKeyValue("operation", response.operation())
          .log("Mail+ answered 200 to a trigger without a readable result; taken as triggered, without run ids");
      return new TriggerResult(200, TriggerResultCode.OK, List.of());
    }
    String errorType = text(json, "errorType");
    String message = text(json, "message");
    String serverMessage = message == null ? "(the answer is not an ExternalTriggerValidationResult)" : message;
    throw response.status() == 404
        ? new MailPlusNotFoundException(response.operation(), errorType, serverMessage)
        : new MailPlusException(response.operation(), response.status(), errorType, serverMessage);
  }

  private static JsonNode jsonOrNull(MailPlusResponse response) {
    try {
      return response.json();
    } catch (MailPlusException notJson) {
      return null;
    }
  }

  private static Body bodyOrNull(MailPlusResponse response) {
    try {
      return response.read(BODY);
    } catch (MailPlusException malformed) {
      return null;
    }
  }

  private static String text(JsonNode json, String field) {
    return json != null && json.hasNonNull(field) ? json.get(field).asText() : null;
  }
}
