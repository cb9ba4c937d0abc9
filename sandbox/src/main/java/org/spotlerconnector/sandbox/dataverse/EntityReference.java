package org.spotlerconnector.sandbox.dataverse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a row as {@code @odata.bind} and {@code @odata.id} carry it: {@code /accounts(<id>)},
 * {@code accounts(<id>)} or an absolute URL {@code [Org]/api/data/v9.2/accounts(<id>)}, also with an alternate key
 * (dataverse-api.md §2.6).
 */
record EntityReference(String entitySet, String keyText) {
  private static final Pattern ENTITY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\((.*)\\)$");
  private static final String SERVICE_PATH = DataverseApi.SERVICE_PATH + "/";

  static Optional<EntityReference> parse(String reference) {
    String relative = reference;
    int service = relative.indexOf(SERVICE_PATH);
    if (service >= 0) {
      relative = relative.substring(service + SERVICE_PATH.length());
    } else if (relative.startsWith("/")) {
      relative = relative.substring(1);
    }
    Matcher m = ENTITY.matcher(relative);
    return m.matches() ? Optional.of(new EntityReference(m.group(1), m.group(2))) : Optional.empty();
  }
}
