package org.spotlerconnector.sandbox.mailplus;

/** The stored value of a set-type property: the bits that are enabled. */
record SetValue(long enabledBits) {}
