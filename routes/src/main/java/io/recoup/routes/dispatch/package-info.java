/**
 * Stage 3, dispatch: due notices taken from the outbox one at a time ({@code SKIP LOCKED}), rendered from their
 * templates with the bank details and EPC QR codes, recorded as being sent and then carried out through the
 * {@code ReminderChannel} port, or turned into a task for a person with its reason. A notice that fails for good is
 * parked for a person; one an interrupted run left being sent is resent only where the channel makes the repeat the
 * same message. Uses connector-core, sepa (EPC QR, RF), the store and Camel.
 */
package io.recoup.routes.dispatch;
