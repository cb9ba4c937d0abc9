package org.spotlerconnector.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.spotlerconnector.mapping.FieldMapping;

/**
 * The mapping used when the configuration has none, matching the incumbent's defaults: names, e-mail, address and
 * phone of contacts, leads and accounts; gender and birth date of contacts; the parent account's name on contacts and
 * the company name on leads; {@code $CustomerType} in {@code customerType}; permissions both ways. It is the resource
 * {@value #RESOURCE}, written in the configuration file's format, so it can be copied into a configuration and
 * changed.
 */
public final class DefaultMapping {
  public static final String RESOURCE = "/default-mapping.yml";
  private static final String FILE_NAME = "default-mapping.yml";

  private DefaultMapping() {}

  public static List<FieldMapping> rows() {
    return Holder.ROWS;
  }

  /** The resource's text, e.g. for a command that prints the default mapping. */
  public static String yaml() {
    try (InputStream in = DefaultMapping.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build. Indicates a bug.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Holder {
    static final List<FieldMapping> ROWS = read();

    private static List<FieldMapping> read() {
      Problems problems = new Problems();
      Placeholders noPlaceholders = new Placeholders(name -> null, Path.of(""));
      Section root =
          Section.root(
              new YamlTreeReader(FILE_NAME, problems).read(yaml()),
              FILE_NAME,
              "expected a section with a mapping list",
              problems,
              noPlaceholders);
      root.allowOnly(Set.of(ConfigLoader.MAPPING));
      List<FieldMapping> rows =
          root.list(ConfigLoader.MAPPING).map(list -> MappingRowsReader.read(root, ConfigLoader.MAPPING, list))
              .orElse(List.of());
      try {
        problems.throwIfAny();
      } catch (ConfigException e) {
        throw new IllegalStateException(RESOURCE + " is not a valid mapping. Indicates a bug.", e);
      }
      return List.copyOf(rows);
    }
  }
}
