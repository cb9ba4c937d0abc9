package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The {@code /contact} resource of the Swagger spec (spotler-api.md §2, Appendix A). Mail+ sends no mail from the
 * sandbox, so bounce and history lists exist but are always empty.
 */
final class ContactResource {
  static final int MAX_CONTACTS_PER_LIST = 100;
  static final int MAX_PAGE_SIZE = 10_000;

  private final ContactService contacts;

  ContactResource(ContactService contacts) {
    this.contacts = contacts;
  }

  /** Routes a path below {@code /contact}, matching literal segments before {@code {externalId}} as JAX-RS does. */
  HttpResponse handle(HttpRequest request, List<String> segments, FeedShape shape) {
    String method = request.method();
    String first = segments.size() > 1 ? segments.get(1) : null;
    String second = segments.size() > 2 ? segments.get(2) : null;
    switch (segments.size()) {
      case 1:
        return only(method, "POST", () -> insertContact(request));
      case 2:
        if (first.equals("list")) {
          return only(method, "POST", () -> insertContacts(request));
        }
        if (first.equals("search")) {
          return only(method, "GET", () -> search(request));
        }
        if (method.equals("GET")) {
          return getContact(first);
        }
        return only(method, "PUT", "GET, PUT", () -> updateContact(request, first));
      case 3:
        if (first.equals("properties") && second.equals("list")) {
          return only(method, "GET", this::properties);
        }
        if (first.equals("updates") && second.equals("list")) {
          return only(method, "GET", () -> updates(request, shape));
        }
        if (first.equals("bounces") && second.equals("list")) {
          return only(method, "GET", () -> bounces(request, shape));
        }
        if (first.equals("anonymize")) {
          return only(method, "PUT", () -> anonymize(second));
        }
        return history(method, first, second, request);
      default:
        throw notFound();
    }
  }

  private HttpResponse properties() {
    return HttpResponse.json(200, contacts.account().all(), "application/json");
  }

  /** getContact: 200 Contact, or 404 "Given contact not found". */
  private HttpResponse getContact(String externalId) {
    StoredContact contact = contacts.get(externalId).orElseThrow(MailPlusException::contactNotFound);
    return json(200, ContactJson.render(contact, contacts.account()));
  }

  /** insertContact: ContactRequest; 204, or 400 "Email is invalid / Property is invalid". */
  private HttpResponse insertContact(HttpRequest request) {
    JsonNode body = ApiRequests.jsonObjectBody(request);
    ContactInput input = ContactInput.read(requiredContact(body), contacts.accountZone());
    try {
      contacts.insert(input, ApiRequests.flag(body, "update"), ApiRequests.flag(body, "purge"));
    } catch (InvalidPropertyException e) {
      throw e.asRequestError();
    }
    return HttpResponse.empty(204);
  }

  /** updateContact: ContactRequest; 204, 404 "Given contact not found", 400 for invalid properties. */
  private HttpResponse updateContact(HttpRequest request, String externalId) {
    JsonNode body = ApiRequests.jsonObjectBody(request);
    ContactInput input = ContactInput.read(requiredContact(body), contacts.accountZone());
    ApiRequests.flag(body, "update"); // not used by this operation, but the model says boolean
    if (!input.externalId().equals(externalId)) {
      throw MailPlusException.invalidParams("The externalId of the contact differs from the one in the path");
    }
    try {
      contacts.update(input, ApiRequests.flag(body, "purge"));
    } catch (InvalidPropertyException e) {
      throw e.asRequestError();
    }
    return HttpResponse.empty(204);
  }

  /**
   * insertContacts: at most 100 contacts, each with an externalId, else 400 for the whole call; otherwise 200 with a
   * code per contact (spotler-api.md §2.9, Q9).
   */
  private HttpResponse insertContacts(HttpRequest request) {
    JsonNode body = ApiRequests.jsonObjectBody(request);
    JsonNode list = body.get("contacts");
    if (list == null || !list.isArray()) {
      throw MailPlusException.invalidParams("contacts must be an array of contacts");
    }
    if (list.size() > MAX_CONTACTS_PER_LIST) {
      throw MailPlusException.invalidParams("Too many contacts provided (max is " + MAX_CONTACTS_PER_LIST + ")");
    }
    boolean update = ApiRequests.flag(body, "update");
    boolean purge = ApiRequests.flag(body, "purge");
    List<ContactInput> inputs = new ArrayList<>();
    list.forEach(node -> inputs.add(ContactInput.read(node, contacts.accountZone())));

    ArrayNode results = Json.array();
    for (ContactInput input : inputs) {
      ObjectNode result = results.addObject().put("externalId", input.externalId());
      try {
        contacts.insert(input, update, purge);
        result.put("code", "OK").put("message", "Contact saved");
      } catch (InvalidPropertyException e) {
        result.put("code", "PROPERTY_INVALID").put("message", e.getMessage());
      } catch (MailPlusException e) {
        if (e.errorType() != ErrorType.CONTACT_ALREADY_EXISTS) {
          throw e;
        }
        result.put("code", "CONTACT_ALREADY_EXISTS").put("message", e.getMessage());
      }
    }
    return json(200, results);
  }

  /** anonymizeContact: 204, or 404 "Given contact not found". */
  private HttpResponse anonymize(String externalId) {
    contacts.anonymize(externalId);
    return HttpResponse.empty(204);
  }

  /**
   * getUpdatedContactsJson: contacts whose lastChanged lies in [fromDate, toDate], oldest change first, paged by
   * offset (spotler-api.md §2.7, §7.3).
   */
  private HttpResponse updates(HttpRequest request, FeedShape shape) {
    FeedWindow window = FeedWindow.of(request, contacts.accountZone());
    ContactStore.Page page = contacts.store().changedBetween(window.fromMillis(), window.toMillis(), window.after(), window.pageSize());
    ArrayNode items = Json.array();
    page.contacts().forEach(c -> items.add(ContactJson.render(c, contacts.account())));
    return json(200, shape.wrap(request, "contacts", items, window.after(), page.more()));
  }

  /** getBouncedContactsJson: the sandbox sends no mail, so there are no bounces, but the parameters are checked. */
  private HttpResponse bounces(HttpRequest request, FeedShape shape) {
    FeedWindow window = FeedWindow.of(request, contacts.accountZone());
    return json(200, shape.wrap(request, "bounces", Json.array(), window.after(), false));
  }

  /** searchContactsJson: {@code MPSearchQuery=property=value}, the only form seen in use (spotler-api.md §2.6). */
  private HttpResponse search(HttpRequest request) {
    int pageSize = ApiRequests.requiredInt(request, "pageSize", 1, MAX_PAGE_SIZE);
    int after = ApiRequests.optionalInt(request, "after", 0, Integer.MAX_VALUE).orElse(0);
    String query =
        request
            .queryParameter("MPSearchQuery")
            .orElseThrow(() -> MailPlusException.invalidParams("Invalid MPSearchQuery or no MPSearchQuery given"));
    int eq = query.indexOf('=');
    if (eq <= 0) {
      throw MailPlusException.invalidParams("MPSearchQuery must look like property=value");
    }
    PropertyDefinition definition =
        contacts
            .account()
            .get(query.substring(0, eq).trim())
            .filter(d -> d.type() != PropertyType.SET)
            .orElseThrow(() -> new MailPlusException(400, ErrorType.INVALID_PROPERTY, "Property is invalid"));
    ContactStore.Page page =
        contacts.store().matching(hasValue(definition, query.substring(eq + 1).trim()), after, pageSize);
    ArrayNode items = Json.array();
    page.contacts().forEach(c -> items.add(ContactJson.render(c, contacts.account())));
    return json(200, FeedShape.PAGED.wrap(request, "contacts", items, after, page.more()));
  }

  private static Predicate<StoredContact> hasValue(PropertyDefinition definition, String wanted) {
    boolean ignoreCase = definition.type() == PropertyType.EMAIL;
    return contact -> {
      Object value = contact.properties().get(definition.name());
      if (value == null) {
        return false;
      }
      String text = String.valueOf(value);
      return ignoreCase ? text.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)) : text.equals(wanted);
    };
  }

  /** getMailingHistory, getCampaignMailingHistory, getFormHistory: 404 for an unknown contact, else empty. */
  private HttpResponse history(String method, String externalId, String kind, HttpRequest request) {
    String listName =
        switch (kind) {
          case "mailings" -> "mailingHistories";
          case "campaign-mailings" -> "campaignMailingHistories";
          case "forms" -> "formHistories";
          default -> throw notFound();
        };
    return only(
        method,
        "GET",
        () -> {
          int after = ApiRequests.optionalInt(request, "after", 0, Integer.MAX_VALUE).orElse(0);
          contacts.get(externalId).orElseThrow(MailPlusException::contactNotFound);
          return json(200, FeedShape.PAGED.wrap(request, listName, Json.array(), after, false));
        });
  }

  private static JsonNode requiredContact(JsonNode body) {
    JsonNode contact = body.get("contact");
    if (contact == null || contact.isNull()) {
      throw MailPlusException.invalidParams("contact is required");
    }
    return contact;
  }

  private static HttpResponse only(String method, String allowed, Operation operation) {
    return only(method, allowed, allowed, operation);
  }

  private static HttpResponse only(String method, String handled, String allowHeader, Operation operation) {
    if (!method.equals(handled)) {
      throw new MailPlusException(405, ErrorType.INVALID_PARAMS, "Method " + method + " is not allowed here")
          .withHeader("Allow", allowHeader);
    }
    return operation.run();
  }

  static MailPlusException notFound() {
    return new MailPlusException(404, ErrorType.RESOURCE_NOT_FOUND, "No such resource");
  }

  private static HttpResponse json(int status, JsonNode body) {
    return HttpResponse.json(status, body, "application/json");
  }

  @FunctionalInterface
  private interface Operation {
    HttpResponse run();
  }

  /** The query of the two date-window feeds: fromDate*, toDate*, pageSize* (at most 10000) and after. */
  private record FeedWindow(long fromMillis, long toMillis, int pageSize, int after) {
    static FeedWindow of(HttpRequest request, ZoneId accountZone) {
      long from = date(request, "fromDate", accountZone);
      long to = date(request, "toDate", accountZone);
      int pageSize = ApiRequests.requiredInt(request, "pageSize", 1, MAX_PAGE_SIZE);
      int after = ApiRequests.optionalInt(request, "after", 0, Integer.MAX_VALUE).orElse(0);
      return new FeedWindow(from, to, pageSize, after);
    }

    private static long date(HttpRequest request, String name, ZoneId accountZone) {
      String text =
          request
              .queryParameter(name)
              .orElseThrow(() -> MailPlusException.invalidParams("Invalid " + name + " or no " + name + " given"));
      try {
        return IsoDateTimes.parse(text.trim(), accountZone).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        throw MailPlusException.invalidParams("Invalid " + name + " or no " + name + " given");
      }
    }
  }
}
