package org.spotlerconnector.spotler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A channel a contact can be reached on: {@code name} is {@code EMAIL} or {@code SMS}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Channel(String name, boolean value) {}
