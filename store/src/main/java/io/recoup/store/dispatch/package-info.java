/**
 * The notice outbox: notices and the actions (item x step) they carry, inserted by the planner, claimed by
 * dispatch with {@code SKIP LOCKED}, completed with their outcome. Uses connector-core and the store's {@code Database}.
 */
package io.recoup.store.dispatch;
