package io.recoup.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.functions.Either;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(new SalesforceConfig.RetryPolicy(5, Duration.ofMillis(500),
            Duration.ofSeconds(60)));

    private static Either<Throwable, Object> fault(int status, Optional<Duration> retryAfter) {
        return Either.left(new SalesforceFault(status, "REQUEST_LIMIT_EXCEEDED", "limit", retryAfter, null));
    }

    @Test
    void waitsAsLongAsRetryAfterAsks() {
        assertThat(backoff.apply(1, fault(429, Optional.of(Duration.ofSeconds(7))))).isEqualTo(7_000L);
    }

    @Test
    void capsRetryAfterAtTheLongestConfiguredWait() {
        assertThat(backoff.apply(1, fault(429, Optional.of(Duration.ofHours(1))))).isEqualTo(60_000L);
    }

    @Test
    void backsOffExponentiallyWithJitterWithoutRetryAfter() {
        long first = backoff.apply(1, fault(503, Optional.empty()));
        long third = backoff.apply(3, fault(503, Optional.empty()));

        assertThat(first).isBetween(250L, 750L);
        assertThat(third).isBetween(1_000L, 3_000L);
    }

    @Test
    void onlyFaultsThatWaitingMayCureAreTransient() {
        assertThat(new SalesforceFault(0, "NO_RESPONSE", "dropped", Optional.empty(), null).isTransient()).isTrue();
        assertThat(new SalesforceFault(502, "HTTP_502", "bad gateway", Optional.empty(), null).isTransient()).isTrue();
        assertThat(new SalesforceFault(403, "REQUEST_LIMIT_EXCEEDED", "limit", Optional.empty(), null).isTransient()).isTrue();
        assertThat(new SalesforceFault(403, "INSUFFICIENT_ACCESS", "no", Optional.empty(), null).isTransient()).isFalse();
        assertThat(new SalesforceFault(404, "NOT_FOUND", "gone", Optional.empty(), null).isTransient()).isFalse();
    }
}
