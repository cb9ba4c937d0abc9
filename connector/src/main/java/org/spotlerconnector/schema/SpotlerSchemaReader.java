package org.spotlerconnector.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.mapping.SpotlerProperty;
import org.spotlerconnector.mapping.SpotlerPropertyType;
import org.spotlerconnector.mapping.SpotlerSchema;
import org.spotlerconnector.spotler.ContactProperty;
import org.spotlerconnector.spotler.MailPlusClient;

/**
 * Reads the Spotler account's contact properties ({@code GET /contact/properties/list}, spotler-api.md §2.2) as the
 * schema a mapping is checked against. A property of a type this connector does not know is left out with a warning:
 * it cannot be converted to, so it cannot be mapped. Thread-safe.
 */
public final class SpotlerSchemaReader {
  private static final Logger LOG = LoggerFactory.getLogger(SpotlerSchemaReader.class);

  private final Supplier<List<ContactProperty>> properties;

  public SpotlerSchemaReader(MailPlusClient client) {
    this(Objects.requireNonNull(client, "client")::properties);
  }

  /** @param properties answers as {@link MailPlusClient#properties()} does */
  SpotlerSchemaReader(Supplier<List<ContactProperty>> properties) {
    this.properties = properties;
  }

  /**
   * @throws org.spotlerconnector.spotler.MailPlusException when Mail+ refuses the request or stays unavailable
   */
  public SpotlerSchema read() {
    List<SpotlerProperty> known = new ArrayList<>();
    for (ContactProperty property : properties.get()) {
      Optional<SpotlerPropertyType> type = SpotlerPropertyType.fromWireName(property.type());
      if (property.name() != null && type.isPresent()) {
        known.add(new SpotlerProperty(property.name(), type.get()));
      } else {
        LOG.atWarn()
            .setMessage("Left out a Spotler contact property the connector cannot map")
            .addKeyValue("property", property.name())
            .addKeyValue("type", property.type())
            .log();
      }
    }
    LOG.atDebug().setMessage("Read the Spotler contact properties").addKeyValue("properties", known.size()).log();
    return new SpotlerSchema(known);
  }
}
