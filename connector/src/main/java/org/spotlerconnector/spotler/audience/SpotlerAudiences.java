package org.spotlerconnector.spotler.audience;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusException;
import org.spotlerconnector.spotler.MailPlusNotFoundException;
import org.spotlerconnector.spotler.MailPlusRequest;
import org.spotlerconnector.spotler.MailPlusResponse;
import org.spotlerconnector.spotler.MailPlusUnauthorizedException;

/**
 * The audience calls of Mail+ (spotler-api.md §5; Swagger resources {@code audience} and {@code audience-contact}).
 *
 * <p>Every call is safe to repeat, so each is retried by the client's normal policy (429, 5xx and network failures,
 * {@code Retry-After} honoured): adding a contact that is in the audience, or removing one that is not, changes
 * nothing, and a repeated create finds the audience the first attempt made. Contacts go in {@link ContactChunk}s, never
 * more than 2,500 and never none: the body-less {@code DELETE /audience/{externalId}/contact} that empties an audience
 * cannot be sent from here.
 *
 * <p>Errors are typed: {@link AudiencesNotAvailableException} (403, a product without audiences), {@link
 * AudienceNotFoundException} and {@link AudienceContactsNotFoundException} (404), {@link AudienceRejectedException}
 * (417). Logs carry audience ids and counts, never contact data. Thread-safe.
 */
public final class SpotlerAudiences {
  private static final Logger LOG = LoggerFactory.getLogger(SpotlerAudiences.class);
  private static final TypeReference<Audience> AUDIENCE = new TypeReference<>() {};
  private static final int NOT_AVAILABLE = 403;
  private static final int REJECTED = 417;

  private final MailPlusClient client;

  private SpotlerAudiences(MailPlusClient client) {
    this.client = client;
  }

  public static SpotlerAudiences of(MailPlusClient client) {
    return new SpotlerAudiences(Objects.requireNonNull(client, "client cannot be null"));
  }

  /** {@code GET /audience/{externalId}}; empty when Mail+ has no such audience. */
  public Optional<Audience> find(String externalId) {
    try {
      return Optional.of(call(MailPlusRequest.get("/audience/{}", externalId), externalId).read(AUDIENCE));
    } catch (AudienceNotFoundException notFound) {
      return Optional.empty();
    }
  }

  /**
   * {@code POST /audience}: creates the audience, or, when Mail+ has one with this externalId already (made by an
   * earlier attempt whose answer was lost, say), returns that one as it is.
   *
   * @throws AudienceRejectedException when another audience has the name, or the account has its maximum
   */
  public Audience createIfAbsent(Audience audience) {
    MailPlusRequest create = MailPlusRequest.post("/audience").withJsonBody(audience).idempotent();
    try {
      Audience created = call(create, audience.externalId()).read(AUDIENCE);
      LOG.atInfo().addKeyValue("audience", audience.externalId()).log("Mail+ audience created");
      return created;
    } catch (AudienceRejectedException rejected) {
      return find(audience.externalId()).orElseThrow(() -> rejected);
    }
  }

  /**
   * {@code PUT /audience/{externalId}}: gives the audience this name and description.
   *
   * @throws AudienceNotFoundException when Mail+ has no such audience
   * @throws AudienceRejectedException when another audience has the name
   */
  public void update(Audience audience) {
    call(MailPlusRequest.put("/audience/{}", audience.externalId()).withJsonBody(audience), audience.externalId());
    LOG.atInfo().addKeyValue("audience", audience.externalId()).log("Mail+ audience updated");
  }

  /**
   * {@code DELETE /audience/{externalId}}.
   *
   * @return false when there was no such audience (deleted already)
   * @throws AudienceRejectedException when a mailing uses the audience, so Mail+ keeps it
   */
  public boolean delete(String externalId) {
    try {
      call(MailPlusRequest.delete("/audience/{}", externalId), externalId);
    } catch (AudienceNotFoundException gone) {
      return false;
    }
    LOG.atInfo().addKeyValue("audience", externalId).log("Mail+ audience deleted");
    return true;
  }

  /**
   * {@code POST /audience/{externalId}/contact}: adds the contacts; those in the audience already stay.
   *
   * @throws AudienceContactsNotFoundException when Mail+ lacks some of the contacts; then none was added
   * @throws AudienceNotFoundException when Mail+ has no such audience
   */
  public void addContacts(String externalId, ContactChunk contacts) {
    contactCall(MailPlusRequest.post("/audience/{}/contact", externalId).idempotent(), externalId, contacts);
  }

  /**
   * {@code DELETE /audience/{externalId}/contact} with the ids: removes these contacts, skipping those not in it.
   *
   * @throws AudienceNotFoundException when Mail+ has no such audience
   */
  public void removeContacts(String externalId, ContactChunk contacts) {
    contactCall(MailPlusRequest.delete("/audience/{}/contact", externalId), externalId, contacts);
  }

  private void contactCall(MailPlusRequest request, String externalId, ContactChunk contacts) {
    Objects.requireNonNull(contacts, "contacts cannot be null");
    MailPlusResponse response =
        call(request.withJsonBody(Map.of("contacts", contacts.contactIds())).answering(404), externalId);
    if (response.status() == 404) {
      throw notFound(externalId, response);
    }
    LOG.atDebug().addKeyValue("operation", request.method()).addKeyValue("audience", externalId)
        .addKeyValue("contacts", contacts.size()).log("Mail+ audience contacts changed");
  }

  /** A contact call's 404: the contacts Mail+ lacks when it names them, otherwise the audience. */
  private static MailPlusException notFound(String externalId, MailPlusResponse response) {
    JsonNode body = readOrEmpty(response);
    String errorType = body.path("errorType").asText(null);
    String message = body.path("message").asText("(no message)");
    List<String> missing = new ArrayList<>();
    body.path("externalContactIds").forEach(id -> missing.add(id.asText()));
    return missing.isEmpty()
        ? new AudienceNotFoundException(externalId, response.operation(), errorType, message)
        : new AudienceContactsNotFoundException(response.operation(), errorType, message, missing);
  }

  private static JsonNode readOrEmpty(MailPlusResponse response) {
    try {
      return response.json();
    } catch (MailPlusException notJson) {
      return MissingNode.getInstance();
    }
  }

  /** Sends an audience call, turning the statuses the audience resources document into their types. */
  private MailPlusResponse call(MailPlusRequest request, String externalId) {
    try {
      return client.send(request);
    } catch (MailPlusUnauthorizedException refused) {
      if (refused.status() == NOT_AVAILABLE) {
        throw new AudiencesNotAvailableException(refused);
      }
      throw refused;
    } catch (MailPlusNotFoundException notFound) {
      throw new AudienceNotFoundException(
          externalId, notFound.operation(), notFound.errorType().orElse(null), notFound.serverMessage());
    } catch (MailPlusException refused) {
      if (refused.status() == REJECTED) {
        throw new AudienceRejectedException(refused);
      }
      throw refused;
    }
  }
}
