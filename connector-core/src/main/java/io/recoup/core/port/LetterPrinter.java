package io.recoup.core.port;

/**
 * Turns a letter written as XHTML (the same template and values as the reminder's e-mail, in the letter layout) into
 * a printable document, such as a PDF attached to the reminder.
 */
public interface LetterPrinter {
    /** The content type of what {@link #print} returns, e.g. {@code application/pdf}. */
    String contentType();

    /** The file name's ending, e.g. {@code pdf}. */
    String extension();

    /**
     * @param xhtml a well-formed XHTML document, with no external references
     * @throws io.recoup.core.RecoupException when the letter cannot be printed (a person must look at it)
     */
    byte[] print(String xhtml);
}
