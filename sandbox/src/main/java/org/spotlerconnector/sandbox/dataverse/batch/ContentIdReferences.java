package org.spotlerconnector.sandbox.dataverse.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The {@code $n} variables of one change set: each names the URI of the entity created by the request with
 * {@code Content-ID: n}, and may be used in a later request's URL ({@code PATCH $1}, {@code PUT $1/lastname}) or in
 * its body ({@code "x@odata.bind":"$2"}, {@code {"@odata.id":"$2"}}) (dataverse-api.md §2.7).
 */
final class ContentIdReferences {
  private static final Pattern REFERENCE = Pattern.compile("\\$[^/?$\\s]+");

  private final ServiceRoot serviceRoot;
  private final Map<String, String> entityByContentId = new HashMap<>();

  ContentIdReferences(ServiceRoot serviceRoot) {
    this.serviceRoot = serviceRoot;
  }

  /** Records the entity a successful request created or addressed, if its response names one. */
  void remember(String contentId, HttpResponse response) {
    if (contentId == null) {
      return;
    }
    String entityUrl = response.firstHeader("OData-EntityId");
    if (entityUrl == null) {
      entityUrl = response.firstHeader("Location");
    }
    if (entityUrl != null) {
      entityByContentId.put("$" + contentId, serviceRoot.serviceRelative(entityUrl));
    }
  }

  /** Replaces a leading {@code $n} in a request target with the entity it names. */
  String resolveTarget(String target) {
    if (!target.startsWith("$")) {
      return target;
    }
    int end = firstIndexOf(target, '/', '?');
    return entity(target.substring(0, end)) + target.substring(end);
  }

  /** Replaces {@code $n} values of {@code @odata.bind} and {@code @odata.id} properties anywhere in a JSON body. */
  byte[] resolveBody(byte[] body) {
    if (body.length == 0 || indexOf(body, (byte) '$') < 0) {
      return body;
    }
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return body; // the emulator reports the malformed body itself
    }
    if (json == null || !resolveIn(json)) {
      return body;
    }
    try {
      return Json.MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot serialise a parsed JSON body. Indicates a bug.", e);
    }
  }

  private boolean resolveIn(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (isEntityReferenceProperty(field.getKey())) {
          changed |= replaceReferences(field);
        } else {
          changed |= resolveIn(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        changed |= resolveIn(element);
      }
    }
    return changed;
  }

  private boolean replaceReferences(Map.Entry<String, JsonNode> field) {
    JsonNode value = field.getValue();
    if (value.isTextual() && isReference(value.asText())) {
      field.setValue(TextNode.valueOf(entity(value.asText())));
      return true;
    }
    boolean changed = false;
    if (value instanceof ArrayNode urls) {
      for (int i = 0; i < urls.size(); i++) {
        if (urls.get(i).isTextual() && isReference(urls.get(i).asText())) {
          urls.set(i, TextNode.valueOf(entity(urls.get(i).asText())));
          changed = true;
        }
      }
    }
    return changed;
  }

  private String entity(String reference) {
    String entity = entityByContentId.get(reference);
    if (entity == null) {
      throw new UnresolvedReferenceException(reference);
    }
    return entity;
  }

  private static boolean isEntityReferenceProperty(String name) {
    return name.endsWith("@odata.bind") || name.equals("@odata.id");
  }

  private static boolean isReference(String value) {
    return REFERENCE.matcher(value).matches();
  }

  private static int firstIndexOf(String text, char first, char second) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == first || text.charAt(i) == second) {
        return i;
      }
    }
    return text.length();
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
