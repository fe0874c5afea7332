package io.recoup.adapters.businesscentral.testserver;

/**
 * A fault the in-test Business Central injects into a matching request instead of (or on top of) its normal answer.
 */
public sealed interface Fault {
    /** Answer with this status and a Business Central error body, optionally with {@code Retry-After} in seconds. */
    record Status(int status, Integer retryAfterSeconds) implements Fault {}

    /** Do the work (a write is stored), then send half of the answer and drop the connection. */
    record DropConnection() implements Fault {}

    static Fault status(int status) {
        return new Status(status, null);
    }

    static Fault tooManyRequests(int retryAfterSeconds) {
        return new Status(429, retryAfterSeconds);
    }

    static Fault drop() {
        return new DropConnection();
    }
}
