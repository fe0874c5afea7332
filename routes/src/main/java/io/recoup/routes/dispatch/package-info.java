/**
 * Stage 3, dispatch: due notices taken from the outbox one at a time ({@code SKIP LOCKED}), rendered from their
 * templates with the bank details and EPC QR codes, and carried out through the {@code ReminderChannel} port, as a task
 * for a person, or as a recorded skip with its reason. Uses connector-core, sepa (EPC QR, RF), the store and Camel.
 */
package io.recoup.routes.dispatch;
