package io.recoup.app.api;

/** A request that clashes with what is stored (a name taken, a reference used); answered 409 by {@link ApiProblems}. */
public final class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
