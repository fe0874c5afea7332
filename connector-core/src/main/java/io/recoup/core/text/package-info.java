/**
 * Small text helpers every module may use for what it writes for people: {@code SpreadsheetSafe} for CSV cells.
 * Plain Java, no dependencies.
 */
package io.recoup.core.text;
