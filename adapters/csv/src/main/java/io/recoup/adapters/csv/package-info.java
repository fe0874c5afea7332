/**
 * The CSV ledger: reads open items from a CSV export ({@link io.recoup.adapters.csv.CsvOpenItemSource}) and writes
 * payments back as CSV files ({@link io.recoup.adapters.csv.CsvLedgerPoster}). Uses connector-core and Commons CSV.
 */
package io.recoup.adapters.csv;
