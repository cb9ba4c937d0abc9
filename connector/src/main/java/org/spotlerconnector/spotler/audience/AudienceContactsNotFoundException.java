package org.spotlerconnector.spotler.audience;

import java.util.List;
import org.spotlerconnector.spotler.MailPlusException;

/**
 * 404 with an {@code AudienceContactErrorResponse}: some of the contacts do not exist in Mail+, and none of the call's
 * contacts was added (spotler-api.md §5).
 */
public final class AudienceContactsNotFoundException extends MailPlusException {
  private final List<String> missingContactIds;

  AudienceContactsNotFoundException(String operation, String errorType, String serverMessage, List<String> missing) {
    super(operation, 404, errorType, serverMessage + " (" + missing.size() + " contact(s))");
    this.missingContactIds = List.copyOf(missing);
  }

  /** The externalIds Mail+ named as not found. */
  public List<String> missingContactIds() {
    return missingContactIds;
  }
}
