package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spotlerconnector.sandbox.dataverse.DataverseException;

/**
 * Follows the segments of a definition URL from {@code EntityDefinitions}: keys (a MetadataId or the type's alternate
 * key, as {@code EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='firstname')}), navigation properties
 * and type casts ({@code …/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata}), as
 * retrieve-metadata-name-metadataid.md and query-metadata-web-api.md describe them.
 */
final class DefinitionPath {
  static final String ENTITY_DEFINITIONS = "EntityDefinitions";
  static final String RELATIONSHIP_DEFINITIONS = "RelationshipDefinitions";
  private static final Pattern GUID =
      Pattern.compile("'?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})'?");
  private static final Pattern ALTERNATE_KEY = Pattern.compile("([A-Za-z]+)\\s*=\\s*'(.*)'", Pattern.DOTALL);

  private DefinitionPath() {}

  /**
   * @param keyText the text between the parentheses after {@code EntityDefinitions}, or null
   * @param segments the segments after the first one
   */
  static DefinitionResource resolve(MetadataModel model, String keyText, List<String> segments) {
    DefinitionResource.Many tables =
        new DefinitionResource.Many(model.entities(), MetadataType.ENTITY, ENTITY_DEFINITIONS, null);
    return follow(tables, keyText, segments);
  }

  /** As {@link #resolve}, from {@code RelationshipDefinitions}, keyed by MetadataId or {@code SchemaName}. */
  static DefinitionResource resolveRelationships(MetadataModel model, String keyText, List<String> segments) {
    DefinitionResource.Many relationships =
        new DefinitionResource.Many(
            model.relationships(), MetadataType.ONE_TO_MANY_RELATIONSHIP, RELATIONSHIP_DEFINITIONS, null);
    return follow(relationships, keyText, segments);
  }

  private static DefinitionResource follow(DefinitionResource.Many start, String keyText, List<String> segments) {
    DefinitionResource resource = keyText == null ? start : find(start, keyText);
    for (String segment : segments) {
      resource = step(resource, segment);
    }
    return resource;
  }

  private static DefinitionResource step(DefinitionResource resource, String segment) {
    if (segment.startsWith(MetadataType.NAMESPACE)) {
      return cast(resource, segment);
    }
    if (!(resource instanceof DefinitionResource.One one) || one.item() == null) {
      throw MetadataErrors.resourceNotFound(segment);
    }
    int open = segment.indexOf('(');
    boolean keyed = open > 0 && segment.endsWith(")");
    String name = keyed ? segment.substring(0, open) : segment;
    Navigation navigation =
        one.declared().navigation(name).orElseThrow(() -> MetadataErrors.resourceNotFound(segment));
    List<MetadataItem> related = one.item().related(name);
    String path = one.itemPath() + "/" + name;
    if (!navigation.collection()) {
      if (keyed) {
        throw MetadataErrors.resourceNotFound(segment);
      }
      return new DefinitionResource.One(related.isEmpty() ? null : related.get(0), navigation.target(), path, path);
    }
    String owner =
        one.item().type() == MetadataType.ENTITY ? one.item().properties().path("LogicalName").asText() : null;
    DefinitionResource.Many many = new DefinitionResource.Many(related, navigation.target(), path, owner);
    return keyed ? find(many, segment.substring(open + 1, segment.length() - 1)) : many;
  }

  /** A cast narrows a collection to the definitions of a derived type, or checks the type of one definition. */
  private static DefinitionResource cast(DefinitionResource resource, String segment) {
    MetadataType type =
        MetadataType.byQualifiedName(segment)
            .filter(t -> t.isA(resource.declared()))
            .orElseThrow(() -> MetadataErrors.resourceNotFound(segment));
    if (resource instanceof DefinitionResource.Many many) {
      List<MetadataItem> items = many.items().stream().filter(i -> i.type().isA(type)).toList();
      return new DefinitionResource.Many(items, type, many.path() + "/" + segment, many.owner());
    }
    DefinitionResource.One one = (DefinitionResource.One) resource;
    if (one.item() == null || !one.item().type().isA(type)) {
      throw MetadataErrors.resourceNotFound(segment);
    }
    return new DefinitionResource.One(
        one.item(), type, one.collectionPath() + "/" + segment, one.itemPath() + "/" + segment);
  }

  private static DefinitionResource.One find(DefinitionResource.Many many, String keyText) {
    MetadataType type = many.declared();
    String key = keyText.strip();
    Matcher guid = GUID.matcher(key);
    Optional<MetadataItem> found;
    if (guid.matches()) {
      UUID id = UUID.fromString(guid.group(1));
      found = many.items().stream().filter(i -> i.metadataId().equals(id)).findFirst();
      if (found.isEmpty()) {
        throw notFound(many, null, id, key);
      }
    } else {
      Matcher alternate = ALTERNATE_KEY.matcher(key);
      if (!alternate.matches() || !type.alternateKey().orElse("").equals(alternate.group(1))) {
        throw MetadataErrors.invalidKey(type);
      }
      String property = alternate.group(1);
      String value = alternate.group(2).replace("''", "'");
      found =
          many.items().stream()
              .filter(i -> value.equals(i.properties().path(property).asText(null)))
              .findFirst();
      if (found.isEmpty()) {
        throw notFound(many, value, null, key);
      }
    }
    MetadataItem item = found.get();
    return new DefinitionResource.One(item, type, many.path(), many.path() + "(" + item.metadataId() + ")");
  }

  private static DataverseException notFound(DefinitionResource.Many many, String name, UUID id, String key) {
    MetadataType type = many.declared();
    if (type == MetadataType.ENTITY) {
      return MetadataErrors.entityNotFound(name, id);
    }
    if (type.isA(MetadataType.ATTRIBUTE) && name != null && many.owner() != null) {
      return MetadataErrors.attributeNotFound(many.owner(), name);
    }
    return MetadataErrors.definitionNotFound(type, key);
  }
}
