/**
 * Stage 5, match: new receipts run through the matcher of connector-core against the open items; a match becomes
 * an allocation and a queued posting, anything else stays in the exceptions queue with its reason. Uses connector-core,
 * the store and Camel.
 */
package io.recoup.routes.match;
