package io.recoup.adapters.gocardless;

import com.gocardless.GoCardlessClient;
import com.gocardless.GoCardlessException;
import com.gocardless.errors.ApiError;
import com.gocardless.errors.GoCardlessApiException;
import com.gocardless.errors.GoCardlessInternalException;
import com.gocardless.errors.RateLimitException;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * GoCardless's API through its SDK, configured once: access token, base URL, one timeout for connect, read and the
 * whole call, and one attempt per call, no retries of the SDK's own (the caller's next run asks again; a POST asks with the same
 * idempotency key, and a 409 {@code idempotent_creation_conflict} makes the SDK fetch the object made the first time).
 * Every SDK failure becomes a {@link Failure} naming the call, the status and GoCardless's reasons, and whether asking
 * again later may help. The token never appears in a message.
 */
final class GoCardlessApi {
    static final String PROVIDER = "gocardless";

    private final GoCardlessClient client;

    GoCardlessApi(String accessToken, String baseUrl, Duration timeout) {
        this.client = GoCardlessClient.newBuilder(accessToken).withBaseUrl(baseUrl).withConnectTimeout(timeout)
                .withReadTimeout(timeout).withWriteTimeout(timeout).withCallTimeout(timeout).withMaxNoOfRetries(1).build();
    }

    /** A call that did not succeed; {@code passing} when asking again later may (no answer, 429, 5xx). */
    static final class Failure extends Exception {
        private final boolean passing;

        Failure(String message, boolean passing, Throwable cause) {
            super(message, cause);
            this.passing = passing;
        }

        boolean passing() {
            return passing;
        }
    }

    <T> T call(String what, Function<GoCardlessClient, T> call) throws Failure {
        try {
            return call.apply(client);
        } catch (GoCardlessApiException e) {
            String reasons = e.getErrors() == null ? "" : e.getErrors().stream().map(ApiError::getReason)
                    .filter(r -> r != null && !r.isBlank()).collect(Collectors.joining(", "));
            boolean passing = e instanceof RateLimitException || e instanceof GoCardlessInternalException || e.getCode() >= 500;
            throw new Failure(what + " answered " + e.getCode() + " " + e.getType().name().toLowerCase(java.util.Locale.ROOT)
                    + (reasons.isEmpty() ? "" : " (" + reasons + ")") + (e instanceof RateLimitException ? ", rate limited" : ""),
                    passing, e);
        } catch (GoCardlessException e) {
            // no answer, or one that is not GoCardless's JSON (a proxy's error page): worth asking again later
            throw new Failure(what + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage(), true, e);
        }
    }
}
