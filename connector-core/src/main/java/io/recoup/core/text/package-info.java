/**
 * Small text helpers every module may use for what it writes for people: {@code SpreadsheetSafe} for CSV cells, {@code Masked} for personal data in logs.
 * Plain Java, no dependencies.
 */
package io.recoup.core.text;
