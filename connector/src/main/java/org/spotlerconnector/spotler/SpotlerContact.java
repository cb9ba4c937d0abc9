package org.spotlerconnector.spotler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Mail+ contact (spotler-api.md §2.1). Properties stay JSON because their names and types are per account
 * ({@code GET /contact/properties/list}); Mail+ only returns properties that have a value.
 *
 * <p>{@code encryptedId}, {@code created}, {@code lastChanged} and {@code temporary} are set by Mail+ and are never
 * sent back. Immutable: the {@code with…} methods return a changed copy.
 *
 * @param created when the contact was created; Mail+ sends epoch milliseconds or ISO-8601, both are read
 * @param lastChanged when the contact last changed, in either form
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpotlerContact(
    String externalId,
    String encryptedId,
    @JsonDeserialize(using = FlexibleInstantDeserializer.class) @JsonSerialize(using = ToStringSerializer.class)
        Instant created,
    @JsonDeserialize(using = FlexibleInstantDeserializer.class) @JsonSerialize(using = ToStringSerializer.class)
        Instant lastChanged,
    Boolean testGroup,
    Boolean temporary,
    Map<String, JsonNode> properties,
    List<Channel> channels) {

  /** The set property that holds the opt-ins (spotler-api.md §2.3). */
  public static final String PERMISSIONS = "permissions";

  public SpotlerContact {
    properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    channels = channels == null ? List.of() : List.copyOf(channels);
  }

  /** A contact to send: an external id and properties, nothing else. */
  public static SpotlerContact of(String externalId, Map<String, JsonNode> properties) {
    return new SpotlerContact(externalId, null, null, null, null, null, properties, null);
  }

  public static SpotlerContact of(String externalId) {
    return of(externalId, Map.of());
  }

  public Optional<JsonNode> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  /** A property's value as text; empty when the contact has no value for it. */
  public Optional<String> textProperty(String name) {
    return property(name).filter(value -> !value.isNull()).map(JsonNode::asText);
  }

  public SpotlerContact withProperty(String name, JsonNode value) {
    Map<String, JsonNode> changed = new LinkedHashMap<>(properties);
    changed.put(name, value);
    return new SpotlerContact(
        externalId, encryptedId, created, lastChanged, testGroup, temporary, changed, channels);
  }

  public SpotlerContact withProperty(String name, String value) {
    return withProperty(name, JsonNodeFactory.instance.textNode(value));
  }

  public SpotlerContact withExternalId(String newExternalId) {
    return new SpotlerContact(
        newExternalId, encryptedId, created, lastChanged, testGroup, temporary, properties, channels);
  }

  /** The opt-ins in the {@code permissions} property; entries without a numeric bit are skipped. */
  public List<Permission> permissions() {
    List<Permission> permissions = new ArrayList<>();
    JsonNode entries = property(PERMISSIONS).filter(JsonNode::isArray).orElse(JsonNodeFactory.instance.arrayNode());
    for (JsonNode entry : entries) {
      if (entry.path("bit").canConvertToLong()) {
        permissions.add(new Permission(entry.get("bit").asLong(), entry.path("enabled").asBoolean(false)));
      }
    }
    return permissions;
  }

  /** Whether the permission with this bit is on; empty when the contact carries no value for the bit. */
  public Optional<Boolean> permission(long bit) {
    return permissions().stream().filter(p -> p.bit() == bit).map(Permission::enabled).findFirst();
  }

  /**
   * A copy with the permission for {@code bit} set. Other bits are kept as they are; Mail+ leaves bits that are not
   * sent alone when {@code purge} is false (spotler-api.md §2.3).
   */
  public SpotlerContact withPermission(long bit, boolean enabled) {
    ArrayNode changed = JsonNodeFactory.instance.arrayNode();
    boolean replaced = false;
    for (Permission p : permissions()) {
      boolean match = p.bit() == bit;
      changed.add(permissionNode(p.bit(), match ? enabled : p.enabled()));
      replaced |= match;
    }
    if (!replaced) {
      changed.add(permissionNode(bit, enabled));
    }
    return withProperty(PERMISSIONS, changed);
  }

  private static ObjectNode permissionNode(long bit, boolean enabled) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("bit", bit);
    node.put("enabled", enabled);
    return node;
  }
}
