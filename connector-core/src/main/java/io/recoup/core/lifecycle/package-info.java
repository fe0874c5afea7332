/**
 * Recoup's own lifecycles as declared tables (collection, notice and action, receipt, posting): each status enum,
 * its events and one {@link io.recoup.core.lifecycle.Lifecycle} table built like the sepa module's
 * {@code MandateLifecycle}. They live here, not beside the mandate in {@code sepa}, because the store moves these rows
 * and may depend on connector-core only; the collection's states are Recoup's bookkeeping of a presentation, not an
 * ISO 20022 rule. The store derives every status update's guard from a table: a row moves only along a declared
 * arrow; a row found at the event's target or past it ("already applied", a replayed file) changes nothing and is
 * reported as such; anything else is an {@link io.recoup.core.lifecycle.IllegalTransition}. Pure values; uses only the
 * core's error types.
 */
package io.recoup.core.lifecycle;
