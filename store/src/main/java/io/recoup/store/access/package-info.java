/**
 * Who may use the API and what people changed through it: stored users and API tokens (hashes only, never the
 * secret) and the append-only audit log with each change's state before and after. Uses the store's
 * {@link io.recoup.store.Database}; knows nothing of HTTP or Spring Security.
 */
package io.recoup.store.access;
