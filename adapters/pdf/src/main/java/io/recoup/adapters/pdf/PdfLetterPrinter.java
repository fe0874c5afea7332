package io.recoup.adapters.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.LetterPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Prints a letter's XHTML to PDF with openhtmltopdf (PDFBox 3). The letter uses the PDF standard fonts, which cover
 * the five languages' Latin letters; it names no external resource, and a base URI that resolves nothing keeps it
 * from reaching out. A letter the renderer cannot lay out is a {@link ErrorCode#LETTER_UNPRINTABLE} for a person.
 */
public final class PdfLetterPrinter implements LetterPrinter {
    /** Nothing to resolve against: relative references in a letter find nothing. */
    private static final String NO_BASE = "about:blank";

    @Override
    public String contentType() {
        return "application/pdf";
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public byte[] print(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, NO_BASE);
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            throw new RecoupException(ErrorCode.LETTER_UNPRINTABLE, "the letter cannot be printed as PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
