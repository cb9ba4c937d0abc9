package org.spotlerconnector.spotler.automation;

/** A tag of the account, from {@code GET /tag/list} (ADR 0003). */
public record Tag(String name) {}
