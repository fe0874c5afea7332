/**
 * The CSV ledger: reads open items from a CSV export ({@link io.recoup.adapters.csv.CsvOpenItemSource}, one record per
 * line, its header checked by {@code LedgerHeader}) and writes payments back as CSV files
 * ({@link io.recoup.adapters.csv.CsvLedgerPoster}) whose text cells a spreadsheet cannot evaluate
 * ({@link io.recoup.core.text.SpreadsheetSafe}). Uses connector-core and Commons CSV.
 */
package io.recoup.adapters.csv;
