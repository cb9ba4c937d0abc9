package org.spotlerconnector.config;

/** Turns a configuration value into its type, or throws {@link IllegalArgumentException} saying how to write it. */
@FunctionalInterface
interface ValueParser<T> {
  T parse(String text);
}
