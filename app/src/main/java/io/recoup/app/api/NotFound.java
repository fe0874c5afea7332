package io.recoup.app.api;

/** An item or customer the path names does not exist; answered 404 by {@link ApiProblems}. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
