package org.spotlerconnector.sandbox.mailplus;

import java.util.List;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;

/**
 * The {@code /subscription} resource of the Swagger spec: {@code POST /subscription/subscribe} (subscribeContact)
 * takes a bare {@code Contact}, not a ContactRequest, whose externalId is optional (spotler-api.md §2.3, §2.12).
 */
final class SubscriptionResource {
  private final ContactService contacts;

  SubscriptionResource(ContactService contacts) {
    this.contacts = contacts;
  }

  HttpResponse handle(HttpRequest request, List<String> segments) {
    if (segments.size() != 2 || !segments.get(1).equals("subscribe")) {
      throw ContactResource.notFound();
    }
    return Routes.only(request.method(), "POST", () -> subscribe(request));
  }

  /** subscribeContact: 204 "Subscription added successfully"; 400 "Email is invalid / Property is invalid". */
  private HttpResponse subscribe(HttpRequest request) {
    ContactInput input =
        ContactInput.readWithOptionalExternalId(ApiRequests.jsonObjectBody(request), contacts.accountZone());
    try {
      contacts.subscribe(input);
    } catch (InvalidPropertyException e) {
      throw e.asRequestError();
    }
    return HttpResponse.empty(204);
  }
}
