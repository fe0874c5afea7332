package io.recoup.core.port;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.Rejection;
import java.util.Objects;

/**
 * An input file that cannot be read as a whole (empty, not UTF-8, a header that cannot be trusted, a statement that
 * stops before its end): nothing of it is loaded, and the file goes aside with this reason for a person to look at.
 * Bad single records are never this; they are rejections and the rest of the file is read.
 */
public final class FileRefused extends RecoupException {
    private final String origin;
    private final long line;
    private final String reason;

    /** @param line where the reading found the problem (1 for the header), or -1 when no line can be named */
    public FileRefused(String origin, long line, String reason) {
        super(ErrorCode.FILE_REFUSED, Objects.requireNonNull(origin, "origin") + (line > 0 ? " line " + line : "")
                + ": " + Objects.requireNonNull(reason, "reason"));
        this.origin = origin;
        this.line = line;
        this.reason = reason;
    }

    public String origin() {
        return origin;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }

    /** The refusal as a quarantine record: the whole file, so no column and no raw text. */
    public Rejection asRejection() {
        return new Rejection(origin, line, null, "the whole file was refused: " + reason, "");
    }
}
