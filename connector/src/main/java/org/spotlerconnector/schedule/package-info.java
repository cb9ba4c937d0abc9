/** Work that repeats on a schedule: the refreshes of automations, the permission list and marketing lists. */
package org.spotlerconnector.schedule;
