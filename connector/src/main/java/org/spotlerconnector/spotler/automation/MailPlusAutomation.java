package org.spotlerconnector.spotler.automation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusException;
import org.spotlerconnector.spotler.MailPlusInvalidRequestException;
import org.spotlerconnector.spotler.MailPlusNotFoundException;
import org.spotlerconnector.spotler.MailPlusOutcomeUnknownException;
import org.spotlerconnector.spotler.MailPlusRequest;
import org.spotlerconnector.spotler.MailPlusResponse;
import org.spotlerconnector.spotler.MailPlusUnavailableException;
import org.spotlerconnector.spotler.automation.AutomationRequests.AutomationTriggerBody;
import org.spotlerconnector.spotler.automation.AutomationRequests.CampaignTriggerBody;
import org.spotlerconnector.spotler.automation.AutomationRequests.ContactReference;
import org.spotlerconnector.spotler.automation.AutomationRequests.Score;
import org.spotlerconnector.spotler.automation.AutomationRequests.ScoreDelta;
import org.spotlerconnector.spotler.automation.AutomationRequests.TagName;

/**
 * The automation, legacy campaign, tag and score calls of Mail+. The automation, tag and score shapes are not in the
 * 2022 spec; they are the assumptions of docs/adr/0003, and this class is the only place that knows them, so that only
 * it changes when the real shapes are known. Calls go through {@link MailPlusClient#send}, so they share the client's
 * signing, rate limit, error mapping and retry policy.
 *
 * <h2>Exactly one effect (design.md §5)</h2>
 *
 * <p>A trigger sends mail, and a score change adds to a score; a repeat after a lost answer could do either twice.
 * These calls are therefore not idempotent and are retried only after failures that prove the request never reached
 * Mail+:
 *
 * <ul>
 *   <li>the connection was refused, or could not be opened in time: nothing was sent;
 *   <li>{@code 429}: Mail+ refused the request; it is repeated after {@code Retry-After}.
 * </ul>
 *
 * Anything else leaves the outcome unknown and is never repeated: a timeout or a connection broken after the request
 * went out, a {@code 408}, and every {@code 5xx}. A {@code 503} is no exception: Mail+ does not document that it
 * refuses the work with it, and a gateway can answer {@code 503} after the server took the request. {@link #trigger}
 * and {@link #triggerCampaign} then throw {@link TriggerOutcomeUnknownException}, {@link #changeScore} throws {@link
 * MailPlusOutcomeUnknownException}; the caller marks the job for a human. When the repeats of a certainly-refused
 * trigger run out, the {@link MailPlusUnavailableException} means Mail+ did not act and a later try is safe.
 *
 * <p>Every other call is safe to repeat and uses the client's normal policy (429, 5xx and network failures retried
 * with backoff, {@code Retry-After} honoured): the lists are reads, {@link #setScore} is a {@code PUT}, and the rest
 * are made repeatable by reading the answer a repeat gets as success. A stop that finds nothing running returns {@link
 * StopOutcome#NOT_RUNNING}; {@link #createTag} accepts {@code NAME_ALREADY_IN_USE}; {@link #addTag} of a tag the
 * contact has is a {@code 204}; {@link #removeTag} accepts {@code RESOURCE_NOT_FOUND}.
 *
 * <p>Errors that repeating cannot fix are the client's typed exceptions: {@link MailPlusInvalidRequestException} (400,
 * such as a field the automation does not have), {@link MailPlusNotFoundException} (404, such as {@code
 * CONTACT_NOT_FOUND}). Not triggering is not an error: {@link #trigger} returns 404 and 417 answers as a {@link
 * TriggerResult}.
 *
 * <p>Logs carry ids and result codes, never field values (they may hold personal data). Thread-safe.
 */
public final class MailPlusAutomation {
  private static final Logger LOG = LoggerFactory.getLogger(MailPlusAutomation.class);
  private static final String INVALID_STATE = "INVALID_STATE";

  private static final TypeReference<List<Automation>> AUTOMATIONS = new TypeReference<>() {};
  private static final TypeReference<List<Campaign>> CAMPAIGNS = new TypeReference<>() {};
  private static final TypeReference<List<Tag>> TAGS = new TypeReference<>() {};
  private static final TypeReference<List<ContactTag>> CONTACT_TAGS = new TypeReference<>() {};
  private static final TypeReference<Score> SCORE = new TypeReference<>() {};

  private final MailPlusClient client;

  private MailPlusAutomation(MailPlusClient client) {
    this.client = client;
  }

  public static MailPlusAutomation of(MailPlusClient client) {
    return new MailPlusAutomation(Objects.requireNonNull(client, "client cannot be null"));
  }

  /** {@code GET /automation/list}: every automation with its external triggers and automation fields. */
  public List<Automation> automations() {
    return readList(client.send(MailPlusRequest.get("/automation/list")), AUTOMATIONS);
  }

  /**
   * {@code POST /automation/trigger/{triggerCode}}: starts every automation with this trigger for the contact, which
   * must exist in Mail+ first. Never repeated once the request may have reached Mail+ (see the class comment).
   *
   * @param fields values for the automations' fields; may be empty
   * @return the outcome, including {@code TRIGGER_NOTFOUND}, {@code CONTACT_NOTFOUND} (404) and {@code NOT_TRIGGERED}
   *     (417), with the run id of each automation that started
   * @throws TriggerOutcomeUnknownException when the automations may or may not have started
   * @throws MailPlusInvalidRequestException (400 {@code INVALID_PARAMS}) for a field the automation does not have or
   *     a value that does not fit its type
   */
  public TriggerResult trigger(String triggerCode, String externalContactId, List<AutomationField> fields) {
    requireId(triggerCode, "triggerCode");
    requireId(externalContactId, "externalContactId");
    Objects.requireNonNull(fields, "fields cannot be null");
    MailPlusRequest request =
        MailPlusRequest.post("/automation/trigger/{}", triggerCode)
            .withJsonBody(AutomationTriggerBody.of(externalContactId, fields))
            .answering(404, 417);
    MailPlusResponse response;
    try {
      response = client.send(request);
    } catch (MailPlusOutcomeUnknownException unknown) {
      throw new TriggerOutcomeUnknownException("Automation trigger", triggerCode, externalContactId, unknown);
    }
    TriggerResult result = TriggerAnswers.read(response);
    LOG.atInfo()
        .addKeyValue("triggerCode", triggerCode)
        .addKeyValue("externalContactId", externalContactId)
        .addKeyValue("status", result.status())
        .addKeyValue("result", result.result())
        .addKeyValue("runsStarted", result.startedRuns().size())
        .log("Mail+ automation trigger answered");
    return result;
  }

  /**
   * {@code POST /automation/{automationId}/stop}: stops every running run of the automation for the contact.
   *
   * @throws MailPlusNotFoundException {@code RESOURCE_NOT_FOUND} (no such automation) or {@code CONTACT_NOT_FOUND}
   */
  public StopOutcome stopAutomation(String automationId, String externalContactId) {
    requireId(automationId, "automationId");
    requireId(externalContactId, "externalContactId");
    return stop(
        MailPlusRequest.post("/automation/{}/stop", automationId)
            .withJsonBody(new ContactReference(externalContactId))
            .idempotent());
  }

  /**
   * {@code POST /automation/run/{automationContactId}/stop}: stops one run, by the id its trigger returned.
   *
   * @throws MailPlusNotFoundException {@code RESOURCE_NOT_FOUND} when Mail+ has no such run
   */
  public StopOutcome stopRun(String automationContactId) {
    requireId(automationContactId, "automationContactId");
    return stop(MailPlusRequest.post("/automation/run/{}/stop", automationContactId).idempotent());
  }

  /** {@code GET /campaign/list}: every legacy campaign with its external triggers (spotler-api.md §3.3). */
  public List<Campaign> campaigns() {
    return readList(client.send(MailPlusRequest.get("/campaign/list")), CAMPAIGNS);
  }

  /**
   * {@code POST /campaign/trigger/{encryptedTriggerId}}: starts a legacy campaign for the contact. It returns no run
   * id. Never repeated once the request may have reached Mail+ (see the class comment).
   *
   * @param encryptedTriggerId the trigger's id, not the campaign's (spotler-api.md §8 Q7)
   * @param fields the {@code campaignFields}; may be empty
   * @throws TriggerOutcomeUnknownException when the campaign may or may not have started
   * @throws MailPlusNotFoundException {@code TRIGGER_NOTFOUND}
   * @throws MailPlusInvalidRequestException when the contact is unknown, already in the campaign or not in its
   *     selection, or the campaign is inactive or has no message
   */
  public void triggerCampaign(String encryptedTriggerId, String externalContactId, List<AutomationField> fields) {
    requireId(encryptedTriggerId, "encryptedTriggerId");
    requireId(externalContactId, "externalContactId");
    Objects.requireNonNull(fields, "fields cannot be null");
    MailPlusRequest request =
        MailPlusRequest.post("/campaign/trigger/{}", encryptedTriggerId)
            .withJsonBody(CampaignTriggerBody.of(externalContactId, fields));
    try {
      client.send(request);
    } catch (MailPlusOutcomeUnknownException unknown) {
      throw new TriggerOutcomeUnknownException("Campaign trigger", encryptedTriggerId, externalContactId, unknown);
    }
    LOG.atInfo()
        .addKeyValue("encryptedTriggerId", encryptedTriggerId)
        .addKeyValue("externalContactId", externalContactId)
        .log("Mail+ campaign triggered");
  }

  /**
   * {@code POST /campaign/{encryptedCampaignId}/stop}: stops the campaign for the contact.
   *
   * @param encryptedCampaignId the campaign's id, not its trigger's (spotler-api.md §8 Q7)
   * @throws MailPlusNotFoundException when there is no such campaign
   * @throws MailPlusInvalidRequestException when Mail+ does not know the contact
   */
  public StopOutcome stopCampaign(String encryptedCampaignId, String externalContactId) {
    requireId(encryptedCampaignId, "encryptedCampaignId");
    requireId(externalContactId, "externalContactId");
    return stop(
        MailPlusRequest.post("/campaign/{}/stop", encryptedCampaignId)
            .withJsonBody(new ContactReference(externalContactId))
            .idempotent());
  }

  /** {@code GET /tag/list}: the account's tags. */
  public List<Tag> tags() {
    return readList(client.send(MailPlusRequest.get("/tag/list")), TAGS);
  }

  /**
   * {@code POST /tag}: creates the tag; a tag that exists already ({@code NAME_ALREADY_IN_USE}) counts as created.
   *
   * @throws MailPlusInvalidRequestException ({@code INVALID_PARAMS}) for a name longer than Mail+ allows
   */
  public void createTag(String name) {
    requireId(name, "tag name");
    try {
      client.send(MailPlusRequest.post("/tag").withJsonBody(new TagName(name)).idempotent());
    } catch (MailPlusInvalidRequestException invalid) {
      if (!hasErrorType(invalid, "NAME_ALREADY_IN_USE")) {
        throw invalid;
      }
    }
  }

  /**
   * {@code POST /contact/{externalId}/tag}: gives the contact the tag, creating the tag when it is new.
   *
   * @throws MailPlusNotFoundException {@code CONTACT_NOT_FOUND}
   */
  public void addTag(String externalId, String name) {
    requireId(externalId, "externalId");
    requireId(name, "tag name");
    client.send(MailPlusRequest.post("/contact/{}/tag", externalId).withJsonBody(new TagName(name)).idempotent());
  }

  /**
   * {@code DELETE /contact/{externalId}/tag/{name}}: takes the tag, and the score on it, from the contact. A contact
   * without the tag ({@code RESOURCE_NOT_FOUND}) is already where this call would bring it.
   *
   * @throws MailPlusNotFoundException {@code CONTACT_NOT_FOUND}
   */
  public void removeTag(String externalId, String name) {
    requireId(externalId, "externalId");
    requireId(name, "tag name");
    try {
      client.send(MailPlusRequest.delete("/contact/{}/tag/{}", externalId, name));
    } catch (MailPlusNotFoundException notFound) {
      if (!hasErrorType(notFound, "RESOURCE_NOT_FOUND")) {
        throw notFound;
      }
    }
  }

  /**
   * {@code PUT /contact/{externalId}/tag/{name}/score}: sets the contact's score on the tag, adding the tag when the
   * contact lacks it.
   *
   * @throws MailPlusNotFoundException {@code CONTACT_NOT_FOUND}
   */
  public void setScore(String externalId, String tagName, int score) {
    requireId(externalId, "externalId");
    requireId(tagName, "tag name");
    client.send(MailPlusRequest.put("/contact/{}/tag/{}/score", externalId, tagName).withJsonBody(new Score(score)));
  }

  /**
   * {@code POST /contact/{externalId}/tag/{name}/score}: adds {@code delta} (negative to subtract) to the contact's
   * score on the tag. Not idempotent, so never repeated once the request may have reached Mail+ (see the class
   * comment).
   *
   * @return the new score
   * @throws MailPlusOutcomeUnknownException when the score may or may not have changed
   * @throws MailPlusNotFoundException {@code CONTACT_NOT_FOUND}
   */
  public int changeScore(String externalId, String tagName, int delta) {
    requireId(externalId, "externalId");
    requireId(tagName, "tag name");
    MailPlusResponse response =
        client.send(
            MailPlusRequest.post("/contact/{}/tag/{}/score", externalId, tagName)
                .withJsonBody(new ScoreDelta(delta)));
    return response.read(SCORE).score();
  }

  /**
   * {@code GET /contact/{externalId}/tag/list}: the contact's tags with their scores.
   *
   * @throws MailPlusNotFoundException {@code CONTACT_NOT_FOUND}
   */
  public List<ContactTag> contactTags(String externalId) {
    requireId(externalId, "externalId");
    return readList(client.send(MailPlusRequest.get("/contact/{}/tag/list", externalId)), CONTACT_TAGS);
  }

  private StopOutcome stop(MailPlusRequest request) {
    try {
      client.send(request);
      return StopOutcome.STOPPED;
    } catch (MailPlusInvalidRequestException invalid) {
      if (hasErrorType(invalid, INVALID_STATE)) {
        return StopOutcome.NOT_RUNNING;
      }
      throw invalid;
    }
  }

  private static <T> List<T> readList(MailPlusResponse response, TypeReference<List<T>> type) {
    List<T> items = response.read(type);
    if (items == null) {
      throw new MailPlusException(response.operation(), response.status(), null, "the answer is null, not a list");
    }
    return List.copyOf(items);
  }

  private static boolean hasErrorType(MailPlusException failure, String errorType) {
    return failure.errorType().filter(errorType::equals).isPresent();
  }

  private static void requireId(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " cannot be null or blank");
    }
  }
}
