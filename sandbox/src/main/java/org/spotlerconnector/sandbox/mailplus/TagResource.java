package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/** The tag and score calls ADR 0003 assumes: {@code /tag} and {@code /contact/{externalId}/tag...}. */
final class TagResource {
  private final MailPlusTags tags;

  TagResource(MailPlusTags tags) {
    this.tags = tags;
  }

  /**
   * Whether a path below {@code /contact} is a tag call. The contact resource's only other three-segment template
   * with a variable last segment, {@code /contact/anonymize/{externalId}}, has more literal text and wins.
   */
  static boolean isContactTagPath(List<String> segments) {
    return segments.size() >= 3
        && segments.get(2).equals("tag")
        && !(segments.size() == 3 && segments.get(1).equals("anonymize"));
  }

  /** Routes {@code /tag} and {@code /tag/list}. */
  HttpResponse handleTags(HttpRequest request, List<String> segments) {
    String method = request.method();
    if (segments.size() == 1) {
      return Routes.only(method, "POST", () -> create(request));
    }
    if (segments.size() == 2 && segments.get(1).equals("list")) {
      return Routes.only(method, "GET", this::list);
    }
    throw ContactResource.notFound();
  }

  /** Routes {@code /contact/{externalId}/tag[/list | /{name}[/score]]}. */
  HttpResponse handleContactTags(HttpRequest request, List<String> segments) {
    String method = request.method();
    String externalId = segments.get(1);
    switch (segments.size()) {
      case 3:
        return Routes.only(method, "POST", () -> tag(request, externalId));
      case 4:
        if (method.equals("GET") && segments.get(3).equals("list")) {
          return contactTags(externalId);
        }
        return Routes.only(method, "DELETE", () -> untag(externalId, segments.get(3)));
      case 5:
        if (!segments.get(4).equals("score")) {
          throw ContactResource.notFound();
        }
        if (method.equals("PUT")) {
          return setScore(request, externalId, segments.get(3));
        }
        return Routes.only(method, "POST", () -> changeScore(request, externalId, segments.get(3)));
      default:
        throw ContactResource.notFound();
    }
  }

  /** {@code GET /tag/list}: {@code [{"name": "Lead"}]}. */
  private HttpResponse list() {
    ArrayNode array = Json.array();
    tags.all().forEach(name -> array.addObject().put("name", name));
    return Routes.json(200, array);
  }

  /** {@code POST /tag} with {@code {"name": "Lead"}}: 204. */
  private HttpResponse create(HttpRequest request) {
    tags.create(Routes.requiredText(ApiRequests.jsonObjectBody(request), "name"));
    return HttpResponse.empty(204);
  }

  /** {@code POST /contact/{externalId}/tag} with {@code {"name": "Lead"}}: 204. */
  private HttpResponse tag(HttpRequest request, String externalId) {
    tags.tag(externalId, Routes.requiredText(ApiRequests.jsonObjectBody(request), "name"));
    return HttpResponse.empty(204);
  }

  /** {@code DELETE /contact/{externalId}/tag/{name}}: 204. */
  private HttpResponse untag(String externalId, String name) {
    tags.untag(externalId, name);
    return HttpResponse.empty(204);
  }

  /**
   * {@code GET /contact/{externalId}/tag/list}: {@code [{"name": "Lead", "score": 5}]}, no score when none is set;
   * 404 {@code CONTACT_NOT_FOUND}.
   */
  private HttpResponse contactTags(String externalId) {
    ArrayNode array = Json.array();
    for (ContactTag tag : tags.tagsOfContact(externalId)) {
      ObjectNode item = array.addObject().put("name", tag.name());
      if (tag.score() != null) {
        item.put("score", tag.score());
      }
    }
    return Routes.json(200, array);
  }

  /** {@code PUT /contact/{externalId}/tag/{name}/score} with {@code {"score": 10}}: 204. */
  private HttpResponse setScore(HttpRequest request, String externalId, String name) {
    JsonNode body = ApiRequests.jsonObjectBody(request);
    tags.setScore(externalId, name, Routes.requiredInt(body, "score"));
    return HttpResponse.empty(204);
  }

  /** {@code POST /contact/{externalId}/tag/{name}/score} with {@code {"delta": -5}}: 200 {@code {"score": 5}}. */
  private HttpResponse changeScore(HttpRequest request, String externalId, String name) {
    JsonNode body = ApiRequests.jsonObjectBody(request);
    int score = tags.changeScore(externalId, name, Routes.requiredInt(body, "delta"));
    return Routes.json(200, Json.object().put("score", score));
  }
}
