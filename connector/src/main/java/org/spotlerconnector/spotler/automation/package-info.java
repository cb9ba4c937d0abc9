/**
 * The Mail+ calls that Spotler Jobs use: automations (list, trigger with automation fields, stop per contact or per
 * run), legacy campaigns, tags and scores. {@link org.spotlerconnector.spotler.automation.MailPlusAutomation} is the
 * one entry point; it sends through {@link org.spotlerconnector.spotler.MailPlusClient#send}, so signing, rate limit,
 * error mapping and retries are the contact client's.
 *
 * <p>The paths and bodies beyond the 2022 Swagger spec are assumptions, written down in docs/adr/0003 and known only
 * to this package: when Spotler's real shapes are known, this package changes and its callers do not.
 */
package org.spotlerconnector.spotler.automation;
