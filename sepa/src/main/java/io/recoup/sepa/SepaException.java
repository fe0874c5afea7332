package io.recoup.sepa;

import java.util.Objects;

/**
 * The root of every error this module throws: carries a stable {@link SepaErrorCode} and a message that names the
 * thing, the field and the reason. Problems inside an otherwise readable file are not thrown but collected by the
 * readers; this exception is for input that cannot be read at all or a value that cannot exist.
 */
public class SepaException extends RuntimeException {
    private final SepaErrorCode code;

    public SepaException(SepaErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public SepaException(SepaErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public SepaErrorCode code() {
        return code;
    }
}
