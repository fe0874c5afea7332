package io.recoup.sepa.xml;

import java.util.Objects;

/**
 * Something wrong in a file that did not stop the reading: where it is (origin, line, element path such as
 * {@code /Document/CstmrPmtStsRpt/OrgnlPmtInfAndSts[1]/TxInfAndSts[2]/TxSts}) and what is wrong. The line is the
 * one where the element starts, or where the parser stopped; -1 when the parser could not tell.
 */
public record XmlProblem(String origin, int line, String path, String message) {

    public XmlProblem {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return origin + ":" + line + " " + path + ": " + message;
    }
}
