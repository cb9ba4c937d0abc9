package org.spotlerconnector.spotler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One opt-in of a contact: a bit of the {@code permissions} set property and whether it is on. Permissions are matched
 * by bit, never by their editable description (spotler-api.md §2.3, §8 Q15).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Permission(long bit, boolean enabled) {}
