/**
 * Spotler Jobs (design.md §4.4, docs/dataverse-tables.md): requests from CRM users in the {@code <p>_spotlerjob} table,
 * run by the connector. {@link org.spotlerconnector.jobs.JobWorker} polls for due jobs, {@link
 * org.spotlerconnector.jobs.JobTable} claims each with {@code If-Match} on its ETag (a 412 means another connector has
 * it), {@link org.spotlerconnector.jobs.JobRunner} runs the operation and maps what happened to the closed list of
 * {@link org.spotlerconnector.jobs.ResultCode}s, and the job ends Completed, Failed or, after a transient failure,
 * stays In Progress with its next attempt time until its attempts run out ({@code TRANSIENT_FAILURE}).
 *
 * <h2>Exactly one trigger</h2>
 *
 * <p>Right before a trigger is sent, the job's result message is set to {@link
 * org.spotlerconnector.jobs.JobTable#TRIGGER_SENDING} with {@code If-Match}. A connector that dies after that point
 * leaves the job In Progress with the marker; once its lease has passed another connector claims it, sees the marker,
 * and fails it as {@code OUTCOME_UNKNOWN} without triggering. A lost answer while the connector lives ends the same
 * way at once. The marker lives in the result message rather than the result code so that the result code only ever
 * holds a code from the documented list.
 */
package org.spotlerconnector.jobs;
