/**
 * The inbound contact sync, Spotler to Dynamics 365: Spotler's changes feed read in overlapping windows, a three-way
 * merge per field against the last agreed values, and new subscribers.
 */
package org.spotlerconnector.sync.inbound;
