package org.spotlerconnector.spotler.automation;

import java.util.OptionalInt;

/**
 * A tag a contact has, with its score on that tag, from {@code GET /contact/{externalId}/tag/list} (ADR 0003).
 *
 * @param score {@code null} when the contact has the tag without a score
 */
public record ContactTag(String name, Integer score) {
  public OptionalInt scoreValue() {
    return score == null ? OptionalInt.empty() : OptionalInt.of(score);
  }
}
