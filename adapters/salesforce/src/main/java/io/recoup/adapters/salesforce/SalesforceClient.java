package io.recoup.adapters.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Salesforce REST API as this adapter uses it: SOQL queries and their next pages, and upserts by external id,
 * over {@link HttpClient} with Jackson. Every call is retried on transient faults by Resilience4j (see {@link Backoff});
 * a 401 with an expired session fetches a new token once ({@link AccessTokens}) and repeats the call. Upserts are safe
 * to repeat: the same external id names the same record.
 */
final class SalesforceClient {
    private static final Logger LOG = LoggerFactory.getLogger(SalesforceClient.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** The most records one sObject Collections request takes. */
    static final int COLLECTION_LIMIT = 200;

    private final SalesforceConfig config;
    private final HttpClient http;
    private final AccessTokens tokens;
    private final Retry retry;
    private final Clock clock;
    private final AtomicInteger requests = new AtomicInteger();

    SalesforceClient(SalesforceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        // HTTP/1.1: over plain http (a proxy, a test server) the JDK would first try an h2c upgrade, which some
        // servers leave hanging until the timeout; the REST API gains nothing from HTTP/2 for one call at a time
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).build();
        this.tokens = new AccessTokens(config, http, this::fault);
        this.retry = Retry.of("salesforce-" + config.source(), RetryConfig.custom()
                .maxAttempts(config.retry().maxAttempts())
                .intervalBiFunction(new Backoff(config.retry()))
                .retryOnException(e -> e instanceof SalesforceFault f && f.isTransient())
                .build());
        retry.getEventPublisher().onRetry(e -> LOG.warn("{}: attempt {} failed ({}), next in {} ms", config.source(),
                e.getNumberOfRetryAttempts(), e.getLastThrowable().getMessage(), e.getWaitInterval().toMillis()));
    }

    /** The first page of a SOQL query; {@code all} reads through {@code queryAll}, which includes deleted records. */
    JsonNode query(String soql, boolean all) {
        String path = "/services/data/" + config.apiVersion() + (all ? "/queryAll" : "/query") + "?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20");
        LOG.debug("{}: SOQL {}", config.source(), soql);
        return call("GET", path, null);
    }

    /** The page a query's {@code nextRecordsUrl} points to. */
    JsonNode next(String nextRecordsUrl) {
        if (!nextRecordsUrl.startsWith("/services/data/")) {
            throw new SalesforceFault(0, "UNEXPECTED_URL", config.source() + ": nextRecordsUrl " + nextRecordsUrl
                    + " is not a REST path", Optional.empty(), null);
        }
        return call("GET", nextRecordsUrl, null);
    }

    /** Hands each page of a query to {@code each}, following {@code nextRecordsUrl} until Salesforce says done. */
    void eachPage(String soql, boolean all, Consumer<JsonNode> each) {
        JsonNode page = query(soql, all);
        while (true) {
            each.accept(page);
            String next = page.path("nextRecordsUrl").asText("");
            if (page.path("done").asBoolean(true) || next.isEmpty()) {
                return;
            }
            page = next(next);
        }
    }

    /** Creates or updates the record of {@code object} whose {@code externalIdField} is {@code value}; true if created. */
    boolean upsert(String object, String externalIdField, String value, ObjectNode fields) {
        String path = "/services/data/" + config.apiVersion() + "/sobjects/" + object + "/" + externalIdField + "/"
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode response = call("PATCH", path, fields);
        return response.path("created").asBoolean(false);
    }

    /**
     * Upserts up to 200 records of one object in one call (sObject Collections), all or none: when one fails, none is
     * written. Returns Salesforce's results, one per record in order ({@code success}, {@code created}, {@code errors}).
     */
    JsonNode upsertAll(String object, String externalIdField, List<ObjectNode> records) {
        if (records.size() > COLLECTION_LIMIT) {
            throw new IllegalArgumentException(records.size() + " records; a collection holds at most " + COLLECTION_LIMIT);
        }
        ObjectNode body = JSON.createObjectNode().put("allOrNone", true);
        body.putArray("records").addAll(records);
        JsonNode results = call("PATCH", "/services/data/" + config.apiVersion() + "/composite/sobjects/" + object + "/"
                + externalIdField, body);
        if (!results.isArray() || results.size() != records.size()) {
            throw new SalesforceFault(200, "UNEXPECTED_RESPONSE", config.source() + ": upsert of " + records.size()
                    + " " + object + " answered " + results.size() + " results", Optional.empty(), null);
        }
        return results;
    }

    /** The org's token, shared with the change notifications' streaming session. */
    AccessTokens tokens() {
        return tokens;
    }

    /** HTTP requests sent to the data API so far (token requests not counted). */
    int requests() {
        return requests.get();
    }

    private JsonNode call(String method, String path, JsonNode body) {
        try {
            return Retry.decorateCheckedSupplier(retry, () -> attempt(method, path, body)).get();
        } catch (RuntimeException | Error thrown) {
            throw thrown;
        } catch (Throwable checked) {
            // attempt() throws nothing checked; Resilience4j's signature says Throwable
            throw new SalesforceFault(0, "CLIENT", config.source() + ": " + method + " failed: " + checked, Optional.empty(),
                    checked);
        }
    }

    private JsonNode attempt(String method, String path, JsonNode body) {
        AccessTokens.Token token = tokens.current();
        HttpResponse<String> response = send(method, token, path, body);
        if (response.statusCode() == 401) {
            // a session ends when it times out or an admin revokes it: one new token, then the call once more
            LOG.info("{}: session expired, fetching a new token", config.source());
            token = tokens.renew(token);
            response = send(method, token, path, body);
        }
        if (response.statusCode() >= 300) {
            throw fault(response, method + " " + path.replaceAll("\\?q=.*", "?q=..."));
        }
        if (response.body() == null || response.body().isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SalesforceFault(response.statusCode(), "UNREADABLE", config.source() + ": " + method
                    + " answered what is not JSON", Optional.empty(), e);
        }
    }

    private HttpResponse<String> send(String method, AccessTokens.Token token, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(token.instanceUrl() + path))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + token.value())
                .header("Accept", "application/json");
        if (body == null) {
            // a hint Salesforce may take or not: pages are followed by nextRecordsUrl whatever their size
            request.header("Sforce-Query-Options", "batchSize=" + config.batchSize())
                    .method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        requests.incrementAndGet();
        return exchange(request.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SalesforceFault(0, "NO_RESPONSE", config.source() + ": " + request.method() + " "
                    + request.uri().getPath() + " got no response: " + e, Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceFault(0, "INTERRUPTED", config.source() + ": interrupted", Optional.empty(), e);
        }
    }

    /** Reads Salesforce's error body ({@code [{"message","errorCode"}]} or OAuth's {@code {"error","error_description"}}). */
    SalesforceFault fault(HttpResponse<String> response, String what) {
        String code = "HTTP_" + response.statusCode();
        String message = "";
        try {
            JsonNode body = JSON.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
            JsonNode first = body.isArray() && !body.isEmpty() ? body.get(0) : body;
            code = first.path("errorCode").asText(first.path("error").asText(code));
            message = first.path("message").asText(first.path("error_description").asText(""));
        } catch (IOException notJson) {
            message = "(error body is not JSON)";
        }
        return new SalesforceFault(response.statusCode(), code, config.source() + ": " + what + " answered "
                + response.statusCode() + " " + code + (message.isEmpty() ? "" : ": " + message),
                io.recoup.core.retry.RetryAfter.parse(response.headers().firstValue("Retry-After"), clock), null);
    }
}
