package org.spotlerconnector.install;

/** A security role created in the root business unit. */
public record SecurityRole(String name, String description) {}
