package org.spotlerconnector.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Fills placeholders in configuration values, so that secrets stay out of the file:
 *
 * <ul>
 *   <li>{@code ${NAME}}: the environment variable {@code NAME}; an unset variable is a problem;
 *   <li>{@code ${NAME:-fallback}}: the variable, or {@code fallback} when it is unset or empty;
 *   <li>{@code ${file:PATH}}: the contents of a file (e.g. a Docker or Kubernetes secret), without trailing line
 *       breaks; a relative {@code PATH} is relative to the configuration file's directory;
 *   <li>{@code $${}: a literal {@code ${}.
 * </ul>
 *
 * A {@code $} not followed by {@code {} is kept as written, so {@code $CustomerType} and {@code $value:TEXT} need no
 * escaping.
 */
final class Placeholders {
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String FILE_PREFIX = "file:";
  private static final String FALLBACK_SEPARATOR = ":-";

  private final Function<String, String> environment;
  private final Path baseDirectory;

  /**
   * @param environment looks up an environment variable; returns {@code null} when it is unset
   * @param baseDirectory where relative {@code ${file:...}} paths start
   */
  Placeholders(Function<String, String> environment, Path baseDirectory) {
    this.environment = environment;
    this.baseDirectory = baseDirectory;
  }

  /** A placeholder that cannot be filled; the message names the variable or file, never a value. */
  static final class UnresolvedPlaceholderException extends Exception {
    UnresolvedPlaceholderException(String message) {
      super(message);
    }
  }

  String resolve(String text) throws UnresolvedPlaceholderException {
    StringBuilder result = new StringBuilder(text.length());
    int position = 0;
    while (position < text.length()) {
      if (text.startsWith("$${", position)) {
        result.append("${");
        position += 3;
      } else if (text.startsWith("${", position)) {
        int end = text.indexOf('}', position + 2);
        if (end < 0) {
          throw new UnresolvedPlaceholderException(
              "'${' is not closed with '}'; write ${NAME}, or $${ for a literal ${");
        }
        result.append(placeholder(text.substring(position + 2, end)));
        position = end + 1;
      } else {
        result.append(text.charAt(position));
        position++;
      }
    }
    return result.toString();
  }

  private String placeholder(String body) throws UnresolvedPlaceholderException {
    if (body.startsWith(FILE_PREFIX)) {
      return fileContents(body.substring(FILE_PREFIX.length()).strip());
    }
    int separator = body.indexOf(FALLBACK_SEPARATOR);
    String name = separator < 0 ? body.strip() : body.substring(0, separator).strip();
    if (!VARIABLE_NAME.matcher(name).matches()) {
      throw new UnresolvedPlaceholderException(
          "'${" + name + "}' is not a valid placeholder; write ${ENV_VAR}, ${ENV_VAR:-default} or ${file:/path}");
    }
    String value = environment.apply(name);
    if (separator >= 0) {
      return value == null || value.isEmpty() ? body.substring(separator + FALLBACK_SEPARATOR.length()) : value;
    }
    if (value == null) {
      throw new UnresolvedPlaceholderException(
          "environment variable " + name + " is not set; set it, or give a default with ${" + name + ":-value}");
    }
    return value;
  }

  private String fileContents(String pathText) throws UnresolvedPlaceholderException {
    if (pathText.isEmpty()) {
      throw new UnresolvedPlaceholderException("${file:} names no file; write ${file:/path/to/secret}");
    }
    Path path = baseDirectory.resolve(pathText);
    try {
      return stripTrailingLineBreaks(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UnresolvedPlaceholderException(
          "cannot read file " + path + " (" + e.getClass().getSimpleName() + "); check that it exists and is"
              + " readable by the connector");
    }
  }

  private static String stripTrailingLineBreaks(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
