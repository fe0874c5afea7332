package io.recoup.sepa.camt;

import io.recoup.sepa.xml.XmlProblem;

/**
 * Receives what {@link CamtReader#read} finds, in file order, while it reads: each statement header once, before its
 * entries, then each entry together with that same header. Nothing is kept by the reader after the call returns,
 * so a handler that stores entries decides the memory it uses.
 */
@FunctionalInterface
public interface CamtHandler {

    /** A statement header is complete: its first entry starts next, or it has none. */
    default void onStatement(CamtStatement header) {
    }

    void onEntry(CamtStatement statement, CamtEntry entry);

    /** A problem was recorded; it also ends up in the {@link CamtSummary}. */
    default void onProblem(XmlProblem problem) {
    }
}
