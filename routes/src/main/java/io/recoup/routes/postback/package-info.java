/**
 * Stage 6, post back: pending postings applied in the source ledger through the {@code LedgerPoster} port, with
 * a read-before-write check of each document number so a posting is never applied twice. Uses connector-core, the
 * store and Camel.
 */
package io.recoup.routes.postback;
