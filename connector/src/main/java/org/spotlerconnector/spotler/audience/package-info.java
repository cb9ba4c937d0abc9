/**
 * Spotler audiences (spotler-api.md §5): externally managed groups of contacts, keyed by the caller's externalId, that
 * marketing lists and the Add to List / Remove from List jobs fill. {@link
 * org.spotlerconnector.spotler.audience.MailPlusAudiences} is the one entry point; it sends through {@link
 * org.spotlerconnector.spotler.MailPlusClient#send}, so signing, rate limit and retries are the contact client's.
 *
 * <p>Contacts go in and out in {@link org.spotlerconnector.spotler.audience.ContactChunk}s of 1 to 2,500 ids, so a
 * {@code DELETE /audience/{externalId}/contact} without ids, which empties the audience, cannot be written with this
 * package.
 */
package org.spotlerconnector.spotler.audience;
