package org.spotlerconnector.sandbox.dataverse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A {@code $deltatoken}: the version up to which the client has seen changes and when the token was issued, in the
 * form Dataverse uses, {@code 919042!08/22/2017 08:10:44} (dataverse-api.md §3). Clients treat it as opaque.
 */
record DeltaToken(long version, Instant issuedAt) {
  private static final DateTimeFormatter ISSUED_AT =
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  String text() {
    return version + "!" + ISSUED_AT.format(issuedAt);
  }

  static DeltaToken parse(String text) {
    int bang = text.indexOf('!');
    if (bang <= 0) {
      throw invalid();
    }
    try {
      long version = Long.parseLong(text.substring(0, bang));
      Instant issuedAt = LocalDateTime.parse(text.substring(bang + 1), ISSUED_AT).toInstant(ZoneOffset.UTC);
      return new DeltaToken(version, issuedAt);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid();
    }
  }

  static DataverseException invalid() {
    return DataverseException.badRequest(
        DataverseException.CHANGE_TRACKING, "The $deltatoken query parameter value is not valid.");
  }
}
