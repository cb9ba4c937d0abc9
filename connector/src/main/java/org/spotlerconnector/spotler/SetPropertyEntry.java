package org.spotlerconnector.spotler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One option of a set-type property (such as one permission): its bit, label and display rank. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SetPropertyEntry(long bit, String description, int rank) {}
