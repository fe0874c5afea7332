package io.recoup.adapters.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.recoup.core.retry.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Business Central over HTTP: the JDK's client with a bearer token from {@link AccessTokens}, JSON through Jackson,
 * Business Central's error body turned into a {@link BcFault}. A 401 drops the token and the request is sent once
 * more with a fresh one. Transient faults are retried by Resilience4j with exponential backoff and jitter, waiting what
 * {@code Retry-After} says instead when the server says it (never longer than the configured longest wait).
 */
final class BcClient {
    private static final Logger LOG = LoggerFactory.getLogger(BcClient.class);

    private final BcSettings settings;
    private final HttpClient http;
    // amounts are read as BigDecimal, never through a double
    private final ObjectMapper json = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Retry retry;
    private final AccessTokens tokens;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Clock clock;

    BcClient(BcSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        this.retry = Retry.of(settings.source(), retryConfig(settings.retry()));
        this.retry.getEventPublisher().onRetry(event -> {
            waits.add(event.getWaitInterval());
            LOG.warn("{}: {} (attempt {}), trying again in {} ms", settings.source(),
                    event.getLastThrowable().getMessage(), event.getNumberOfRetryAttempts(),
                    event.getWaitInterval().toMillis());
        });
        this.tokens = new AccessTokens(() -> retrying(this::grant), clock);
    }

    ObjectMapper json() {
        return json;
    }

    /** GET with retries; {@code maxPageSize} above 0 asks for server-driven pages of that size. */
    JsonNode get(URI uri, int maxPageSize) {
        return retrying(() -> once(get(uri, maxPageSize, true)));
    }

    /** POST without retries: whether a lost answer means "written" is for the caller to find out. */
    JsonNode postOnce(URI uri, JsonNode body) {
        return once(HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    <T> T retrying(Supplier<T> call) {
        return retry.executeSupplier(call);
    }

    URI resolve(String relative) {
        return settings.baseUrl().resolve(relative);
    }

    /** The page after {@code body} ({@code @odata.nextLink}, resolved against the page's own address), or null. */
    static URI nextLink(URI page, JsonNode body) {
        return body.hasNonNull("@odata.nextLink") ? page.resolve(body.get("@odata.nextLink").asText()) : null;
    }

    static String encode(String queryValue) {
        return URLEncoder.encode(queryValue, StandardCharsets.UTF_8).replace("+", "%20");
    }

    int requests() {
        return requests.get();
    }

    /** The waits between attempts so far, in order (what the retry policy decided, for tests and diagnostics). */
    List<Duration> waits() {
        return List.copyOf(waits);
    }

    private HttpRequest.Builder get(URI uri, int maxPageSize, boolean readOnly) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Accept", "application/json").GET();
        if (maxPageSize > 0) {
            request.header("Prefer", "odata.maxpagesize=" + maxPageSize);
        }
        if (readOnly) {
            request.header("Data-Access-Intent", "ReadOnly");
        }
        return request;
    }

    private JsonNode once(HttpRequest.Builder request) {
        String token = tokens.current();
        Answer answer = exchange(request.copy().header("Authorization", "Bearer " + token));
        if (answer.status() == 401) {
            tokens.refused(token);
            answer = exchange(request.copy().header("Authorization", "Bearer " + tokens.current()));
            if (answer.status() == 401) {
                throw new BcFault(401, false, null, "Business Central refused a fresh token (HTTP 401): "
                        + answer.error(), null);
            }
        }
        if (answer.status() / 100 != 2) {
            throw BcFault.of(answer.status(), answer.retryAfter(), "HTTP " + answer.status() + " from "
                    + request.build().uri().getPath() + ": " + answer.error());
        }
        return answer.body();
    }

    private JsonNode grant() {
        BcSettings.OAuth oauth = settings.oauth();
        String form = "grant_type=client_credentials&client_id=" + encode(oauth.clientId()) + "&client_secret="
                + encode(oauth.clientSecret()) + "&scope=" + encode(oauth.scope());
        Answer answer = exchange(HttpRequest.newBuilder(oauth.tokenUrl()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.status() / 100 != 2) {
            throw BcFault.of(answer.status(), answer.retryAfter(), "the token endpoint " + oauth.tokenUrl()
                    + " refused client " + oauth.clientId() + " (HTTP " + answer.status() + "): " + answer.error());
        }
        return answer.body();
    }

    /** One HTTP exchange, its body read whole: a connection dropped mid-body is a transient fault like a timeout. */
    private Answer exchange(HttpRequest.Builder request) {
        requests.incrementAndGet();
        HttpRequest built = request.build();
        try {
            HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readAllBytes();
                return new Answer(response.statusCode(), parse(response.statusCode(), bytes), retryAfter(response));
            }
        } catch (IOException e) {
            throw new BcFault(0, true, null, built.method() + " " + built.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BcFault(0, false, null, built.method() + " " + built.uri().getPath() + " was interrupted", e);
        }
    }

    /** A good answer must be whole JSON (a cut one is a dropped connection); a fault's body may be anything. */
    private JsonNode parse(int status, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            if (status / 100 == 2) {
                throw e;
            }
            return NullNode.getInstance();
        }
    }

    /** The server's Retry-After (seconds or an HTTP date, against this client's clock), or null when it gave none. */
    private Duration retryAfter(HttpResponse<?> response) {
        return RetryAfter.parse(response.headers().firstValue("Retry-After"), clock).orElse(null);
    }

    private static RetryConfig retryConfig(BcSettings.Retrying policy) {
        long max = policy.maxWait().toMillis();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                Math.min(policy.initialWait().toMillis(), max), 2.0, 0.5, max);
        return RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(e -> e instanceof BcFault fault && fault.isTransient())
                .intervalBiFunction((attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof BcFault fault && fault.retryAfter().isPresent()) {
                        return Math.min(fault.retryAfter().get().toMillis(), max);
                    }
                    return backoff.apply(attempt);
                })
                .build();
    }

    /** A status, the body as JSON (empty for none) and the server's Retry-After, if any. */
    private record Answer(int status, JsonNode body, Duration retryAfter) {
        String error() {
            JsonNode error = body.path("error");
            return error.isMissingNode() ? "no error body" : error.path("code").asText("") + " "
                    + error.path("message").asText("");
        }
    }
}
