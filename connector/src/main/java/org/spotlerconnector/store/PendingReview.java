package org.spotlerconnector.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A new Spotler subscriber that matched several Dataverse rows, so the connector wrote nothing and a person decides.
 *
 * @param encryptedId the Spotler contact's own id ({@code encryptedId}), which every contact has
 * @param externalId the Spotler contact's {@code externalId}; null for a contact created by a form without one
 * @param maskedEmail the e-mail address as {@link #maskEmail} shows it, to help a person recognise the contact; may be
 *     null. Never the full address: the store is read by operators and ends up in backups.
 * @param tableName the Dataverse table whose rows matched, e.g. {@code contact}
 * @param candidateIds the ids of the matching rows
 * @param reason why nothing was written, for the person who resolves it
 * @param detectedAt when the contact was first found ambiguous; stored to the millisecond
 */
public record PendingReview(
    String encryptedId,
    String externalId,
    String maskedEmail,
    String tableName,
    List<String> candidateIds,
    String reason,
    Instant detectedAt) {

  public PendingReview {
    Require.notBlank(encryptedId, "encryptedId");
    Require.notBlank(tableName, "tableName");
    candidateIds = List.copyOf(candidateIds);
    Require.notBlank(reason, "reason");
    Objects.requireNonNull(detectedAt, "detectedAt cannot be null");
  }

  /**
   * The first character of the local part and the whole domain, e.g. {@code a***@example.org}: enough to tell which
   * contact it is together with the encryptedId, without storing the address; {@code ***} when it has no {@code @}.
   */
  public static String maskEmail(String email) {
    String address = email.strip();
    int at = address.lastIndexOf('@');
    if (at < 1) {
      return "***";
    }
    return address.charAt(0) + "***" + address.substring(at);
  }
}
