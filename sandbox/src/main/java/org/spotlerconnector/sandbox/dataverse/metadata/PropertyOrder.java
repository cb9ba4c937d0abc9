package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import org.spotlerconnector.sandbox.http.Json;

/** Puts a definition's properties in the order of its type, and checks that it has exactly the type's properties. */
final class PropertyOrder {

  private PropertyOrder() {}

  static ObjectNode of(MetadataType type, ObjectNode values) {
    ObjectNode ordered = Json.object();
    for (String property : type.properties()) {
      if (!values.has(property)) {
        throw new IllegalStateException(type.typeName() + " lacks " + property + ". Indicates a bug.");
      }
      ordered.set(property, values.get(property));
    }
    if (ordered.size() != values.size()) {
      Iterator<String> names = values.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!type.properties().contains(name)) {
          throw new IllegalStateException(type.typeName() + " has no property " + name + ". Indicates a bug.");
        }
      }
    }
    return ordered;
  }
}
