/**
 * The event log's vocabulary: {@link io.recoup.core.event.RecoupEvent}, sealed, with one record per kind of change,
 * grouped by who acts. Each record knows its actor and subject and renders the log's "what" and "why" texts, so the
 * stages hand over facts and the wording lives in one place. Not to be confused with the events of
 * {@code io.recoup.core.lifecycle}, which name the moves of a table. Uses the core's ids, keys, money and lifecycle
 * states.
 */
package io.recoup.core.event;
