/**
 * Printed letters as PDF: {@link io.recoup.adapters.pdf.PdfLetterPrinter} lays out the letter's XHTML (CSS 2.1, A4)
 * with openhtmltopdf on Apache PDFBox. Depends on the core's {@code LetterPrinter} port and openhtmltopdf only.
 */
package io.recoup.adapters.pdf;
