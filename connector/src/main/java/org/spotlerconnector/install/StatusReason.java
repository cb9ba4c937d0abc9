package org.spotlerconnector.install;

/**
 * A status reason ({@code statuscode} value) of a table and the state it belongs to: 0 Active, 1 Inactive.
 *
 * @param builtIn Dataverse creates it with the table (1 Active, 2 Inactive); only the others are inserted
 */
public record StatusReason(int value, String label, int state, boolean builtIn) {}
