/**
 * Collection policies uploaded through the dashboard: drafts with the problems found in them, and the append-only
 * versions that put a valid draft in force (V25). Uses the store's {@link io.recoup.store.Database}; what makes a
 * policy valid is connector-core's policy loader, called by the app before a draft is stored.
 */
package io.recoup.store.policy;
