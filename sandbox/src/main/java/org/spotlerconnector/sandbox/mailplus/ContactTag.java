package org.spotlerconnector.sandbox.mailplus;

/** A tag on a contact and its score, null when none was set (ADR 0003: {@code [{"name": "Lead", "score": 5}]}). */
public record ContactTag(String name, Integer score) {}
