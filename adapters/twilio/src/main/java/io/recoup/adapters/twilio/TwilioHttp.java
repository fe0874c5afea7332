package io.recoup.adapters.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.retry.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's one way to Twilio: POSTs a form to a resource of the account, at most
 * {@link TwilioSettings#sendsPerSecond()} per second (Resilience4j rate limiter), and retries through Resilience4j
 * what Twilio refused for a passing reason (429, 5xx, no connection) with exponential backoff, waiting what
 * Twilio's {@code Retry-After} asks. A request that was sent but got no answer (a timeout, a connection cut) is never
 * retried: Twilio has no idempotency key for Messages or Calls, so it may have been created, and a person decides.
 * Logs name the resource and status, never a number or a text.
 */
final class TwilioHttp {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwilioSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private final Retry retry;
    private final RateLimiter limiter;
    private volatile Consumer<Duration> retryWaits = wait -> { };

    TwilioHttp(TwilioSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock a {@code Retry-After} given as an HTTP date is measured against. */
    TwilioHttp(TwilioSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(Math.min(500, settings.maxWait().toMillis()), 2.0,
                settings.maxWait().toMillis());
        this.retry = Retry.of("twilio", RetryConfig.custom().maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof TwilioFault f && f.passing())
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> wait(attempt, outcome, backoff))
                .build());
        retry.getEventPublisher().onRetry(event -> {
            LOG.warn("twilio: attempt {} failed ({}), next in {} ms", event.getNumberOfRetryAttempts(),
                    event.getLastThrowable().getMessage(), event.getWaitInterval().toMillis());
            retryWaits.accept(event.getWaitInterval());
        });
        this.limiter = RateLimiter.of("twilio", RateLimiterConfig.custom().limitForPeriod(settings.sendsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofMinutes(1)).build());
    }

    private long wait(int attempt, Either<Throwable, Object> outcome, IntervalFunction backoff) {
        Optional<Duration> asked = outcome.isLeft() && outcome.getLeft() instanceof TwilioFault f ? f.retryAfter() : Optional.empty();
        return RetryAfter.cappedWaitMillis(asked, backoff.apply(attempt), settings.maxWait());
    }

    /** Tells {@code listener} every wait before a retry (for tests that check Retry-After is honoured). */
    void onRetryWait(Consumer<Duration> listener) {
        this.retryWaits = listener;
    }

    /**
     * Creates {@code resource} ("Messages", "Calls") with {@code form}; returns the created resource's {@code sid}.
     *
     * @throws TwilioFault     when Twilio refused it for good (its code and message say why)
     * @throws RecoupException {@link ErrorCode#CHANNEL_FAILURE} when every attempt failed for a passing reason, or a
     *                         request got no answer (it may have been created)
     */
    String create(String resource, Map<String, String> form) {
        try {
            return retry.executeSupplier(RateLimiter.decorateSupplier(limiter, () -> post(resource, form)));
        } catch (TwilioFault f) {
            if (f.passing()) {
                throw new RecoupException(ErrorCode.CHANNEL_FAILURE, "twilio did not take the " + resource.toLowerCase()
                        + " request after " + settings.maxAttempts() + " attempt(s): " + f.getMessage(), f);
            }
            throw f;
        }
    }

    private String post(String resource, Map<String, String> form) {
        URI uri = settings.apiBase().resolve("/2010-04-01/Accounts/" + settings.accountSid() + "/" + resource + ".json");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new TwilioFault("cannot connect to twilio for " + resource + ": " + e.getClass().getSimpleName(), true, 0,
                    Optional.empty());
        } catch (IOException e) {
            throw new RecoupException(ErrorCode.CHANNEL_FAILURE, "no answer from twilio to the " + resource.toLowerCase()
                    + " request (" + e.getClass().getSimpleName() + "): it may or may not have been created", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecoupException(ErrorCode.CHANNEL_FAILURE, "interrupted while calling twilio", e);
        }
        return sidOf(resource, response);
    }

    private String sidOf(String resource, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = json(response.body());
        if (status >= 200 && status < 300) {
            if (body.path("sid").isTextual()) {
                return body.path("sid").asText();
            }
            throw new RecoupException(ErrorCode.CHANNEL_FAILURE, "twilio answered " + status + " to " + resource
                    + " without a sid: it may have been created");
        }
        String error = body.path("code").isMissingNode() ? "HTTP " + status
                : body.path("code").asText() + " " + body.path("message").asText("");
        boolean passing = status == 429 || status >= 500 || status == 408;
        throw new TwilioFault("twilio answered " + status + " to " + resource + ": " + error.strip(), passing, status, retryAfter(response));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return RetryAfter.parse(response.headers().firstValue("Retry-After"), clock);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
