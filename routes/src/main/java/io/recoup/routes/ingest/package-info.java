/**
 * Stage 1, ingest: a ledger export read through the {@code OpenItemSource} port, good records upserted as open
 * items by (source, external id), bad ones quarantined and reported in a {@code .rejected} file. Uses connector-core,
 * sepa (RF references), the store and Camel.
 */
package io.recoup.routes.ingest;
