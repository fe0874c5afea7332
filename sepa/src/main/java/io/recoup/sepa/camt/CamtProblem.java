package io.recoup.sepa.camt;

import java.util.Objects;

/**
 * Something wrong in a camt file that did not stop the reading: where it is (origin, line, element path such as
 * {@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt}) and what is wrong. The line is the one where the element
 * starts, or where the parser stopped for XML that is not well-formed; -1 when the parser could not tell.
 */
public record CamtProblem(String origin, int line, String path, String message) {

    public CamtProblem {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return origin + ":" + line + " " + path + ": " + message;
    }
}
