package io.recoup.adapters.sap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.recoup.core.retry.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's one way to SAP over HTTP: signs each request in (Basic, or a cached OAuth2 token fetched again once
 * when SAP answers 401), reads OData JSON, and retries reads that failed for a transient reason through Resilience4j
 * with exponential backoff and jitter, waiting what the server's {@code Retry-After} asks (capped by the configured
 * maximum wait). A write is never retried here: its outcome is unclear after a dropped connection, and the caller
 * checks by document number before writing again. Logs name URLs and statuses, never credentials or record data.
 */
final class SapHttp {
    private static final Logger LOG = LoggerFactory.getLogger(SapHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SapSettings settings;
    private final HttpClient client;
    private final Retry retry;
    private final TokenCache tokens;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Consumer<Duration> retryWaits = wait -> { };

    SapHttp(SapSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.tokens = settings.auth() instanceof SapAuth.OAuth oauth ? new TokenCache(client, oauth, settings) : null;
        SapSettings.RetryLimits limits = settings.retry();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(limits.initialWait().toMillis(), 2.0, 0.5,
                limits.maxWait().toMillis());
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(limits.maxAttempts())
                .retryOnException(e -> e instanceof SapHttpException h && h.isTransient())
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> wait(attempt, outcome, backoff))
                .build();
        this.retry = Retry.of("sap-" + settings.source(), config);
        retry.getEventPublisher().onRetry(event -> {
            LOG.warn("source {}: attempt {} failed ({}), next in {} ms", settings.source(), event.getNumberOfRetryAttempts(),
                    event.getLastThrowable().getMessage(), event.getWaitInterval().toMillis());
            retryWaits.accept(event.getWaitInterval());
        });
    }

    private long wait(int attempt, Either<Throwable, Object> outcome, IntervalFunction backoff) {
        long exponential = backoff.apply(attempt);
        if (outcome.isLeft() && outcome.getLeft() instanceof SapHttpException h && h.retryAfter().isPresent()) {
            return RetryAfter.cappedWaitMillis(h.retryAfter(), 0, settings.retry().maxWait());
        }
        return exponential;
    }

    /** Tells {@code listener} every wait before a retry (for metrics and for tests that check Retry-After). */
    void onRetryWait(Consumer<Duration> listener) {
        this.retryWaits = listener;
    }

    int requests() {
        return requests.get();
    }

    /** GETs an OData v2 JSON document, retrying transient faults; returns its {@code d} member. */
    JsonNode getJson(URI uri) {
        return retry.executeSupplier(() -> {
            String body = send(uri, b -> b.GET().header("Accept", "application/json"), false);
            try {
                JsonNode root = JSON.readTree(body);
                JsonNode d = root.path("d");
                if (d.isMissingNode()) {
                    throw new SapHttpException("answer from " + uri.getPath() + " has no 'd' member", false, 200,
                            Optional.empty(), null);
                }
                return d;
            } catch (IOException e) {
                // a body cut short can still arrive whole at the HTTP level when the server closes a chunked stream
                throw new SapHttpException("answer from " + uri.getPath() + " is not JSON: " + e.getMessage(), true, 200,
                        Optional.empty(), e);
            }
        });
    }

    /** POSTs a SOAP envelope once and returns the answer's body (a SOAP fault's body included). */
    String postSoap(URI uri, String envelope, String soapAction) {
        return send(uri, b -> b.POST(HttpRequest.BodyPublishers.ofString(envelope))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", '"' + soapAction + '"'), true);
    }

    /** Sends once (and once more with a new token after a 401); a SOAP fault's 500 is an answer, not a failure. */
    private String send(URI uri, Consumer<HttpRequest.Builder> shape, boolean soap) {
        HttpResponse<String> response = exchange(uri, shape);
        if (response.statusCode() == 401 && tokens != null) {
            tokens.invalidate(); // a token can expire between our check and SAP's: fetch one new token, once
            response = exchange(uri, shape);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300 || soap && status == 500 && isSoapFault(response)) {
            return response.body();
        }
        boolean transientFault = status == 429 || status >= 500 || status == 408;
        throw new SapHttpException("SAP answered " + status + " to " + uri.getPath(), transientFault, status,
                retryAfter(response), null);
    }

    private HttpResponse<String> exchange(URI uri, Consumer<HttpRequest.Builder> shape) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Authorization", authorization());
        shape.accept(builder);
        requests.incrementAndGet();
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SapHttpException("no whole answer from " + uri.getPath() + ": " + e, true, 0, Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SapHttpException("interrupted while calling " + uri.getPath(), false, 0, Optional.empty(), e);
        }
    }

    private String authorization() {
        if (settings.auth() instanceof SapAuth.Basic basic) {
            return TokenCache.basic(basic.user(), basic.password());
        }
        return "Bearer " + tokens.token();
    }

    private static boolean isSoapFault(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").contains("xml")
                && response.body().contains("Fault");
    }

    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return RetryAfter.parse(response.headers().firstValue("Retry-After"), Clock.systemUTC());
    }
}
