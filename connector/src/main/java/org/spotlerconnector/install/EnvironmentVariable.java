package org.spotlerconnector.install;

/** An environment variable definition of type String (dataverse-api.md §8); {@code defaultValue} may be null. */
public record EnvironmentVariable(String schemaName, String displayName, String description, String defaultValue) {}
