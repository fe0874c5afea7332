package io.recoup.core;

/**
 * The root of every domain error: carries a stable {@link ErrorCode} and a message that names the thing, the field
 * and the reason.
 */
public class RecoupException extends RuntimeException {
    private final ErrorCode code;

    public RecoupException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public RecoupException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
