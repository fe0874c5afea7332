package io.recoup.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import io.recoup.core.retry.RetryAfter;
import io.recoup.core.text.Masked;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders as WhatsApp template messages: the approved template in the customer's language, its body parameters
 * filled from the reminder's values, its URL button carrying the payment link. Only template messages are sent, the
 * one kind WhatsApp allows outside the 24 hours after a customer's last message, so the 24-hour rule always holds;
 * free text is never sent. At most {@code sends-per-second} go out (Resilience4j rate limiter); a throttled (429,
 * Meta's rate-limit codes) or failed (5xx) request is retried with backoff honouring {@code Retry-After}; a refusal
 * for good (not a WhatsApp number, a template problem) is a bounce; a request with no answer is not repeated (the
 * Cloud API has no idempotency key) and a person decides.
 */
public final class WhatsAppReminderChannel implements ReminderChannel {
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppReminderChannel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Meta's error codes for "too many messages now": passing, unlike the other refusals. */
    private static final Set<Integer> THROTTLED = Set.of(4, 80007, 130429, 131048, 131056);

    private final WhatsAppSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private final Retry retry;
    private final RateLimiter limiter;
    private volatile Consumer<Duration> retryWaits = wait -> { };

    public WhatsAppReminderChannel(WhatsAppSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock a {@code Retry-After} given as an HTTP date is measured against. */
    public WhatsAppReminderChannel(WhatsAppSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(Math.min(500, settings.maxWait().toMillis()), 2.0,
                settings.maxWait().toMillis());
        this.retry = Retry.of("whatsapp", RetryConfig.custom().maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof Refused r && r.passing)
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> RetryAfter.cappedWaitMillis(
                        outcome.isLeft() && outcome.getLeft() instanceof Refused r ? r.retryAfter : Optional.empty(),
                        backoff.apply(attempt), settings.maxWait()))
                .build());
        retry.getEventPublisher().onRetry(event -> {
            LOG.warn("whatsapp: attempt {} failed ({}), next in {} ms", event.getNumberOfRetryAttempts(),
                    event.getLastThrowable().getMessage(), event.getWaitInterval().toMillis());
            retryWaits.accept(event.getWaitInterval());
        });
        this.limiter = RateLimiter.of("whatsapp", RateLimiterConfig.custom().limitForPeriod(settings.sendsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofMinutes(1)).build());
    }

    /** Tells {@code listener} every wait before a retry (for tests that check Retry-After is honoured). */
    void onRetryWait(Consumer<Duration> listener) {
        this.retryWaits = listener;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public DeliveryResult deliver(ReminderMessage message) {
        String body = templateMessage(message).toString();
        String to = Masked.phone(message.recipientAddress());
        try {
            String id = retry.executeSupplier(RateLimiter.decorateSupplier(limiter, () -> post(body)));
            LOG.info("whatsapp {} to {} accepted as {}", message.idempotencyKey(), to, id);
            return new DeliveryResult.Sent(id);
        } catch (Refused r) {
            if (r.passing) {
                throw new RecoupException(ErrorCode.CHANNEL_FAILURE, "whatsapp did not take the message after "
                        + settings.maxAttempts() + " attempt(s): " + r.getMessage(), r);
            }
            LOG.info("whatsapp {} to {} refused: {}", message.idempotencyKey(), to, r.getMessage());
            return new DeliveryResult.Bounced(r.getMessage());
        }
    }

    /** The Cloud API's template message: language, body parameters in order, the payment link's rest on the URL button. */
    ObjectNode templateMessage(ReminderMessage message) {
        ObjectNode root = JSON.createObjectNode().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", message.recipientAddress().replaceAll("[^0-9]", "")).put("type", "template");
        ObjectNode template = root.putObject("template").put("name", settings.template());
        String language = message.value("language").isBlank() ? "en" : message.value("language");
        template.putObject("language").put("code", language.replace('-', '_'));
        ArrayNode components = template.putArray("components");
        ArrayNode body = components.addObject().put("type", "body").putArray("parameters");
        // WhatsApp refuses a parameter with a line break, a tab or more than four spaces in a row
        settings.bodyParameters().forEach(name -> body.addObject().put("type", "text")
                .put("text", message.value(name).replaceAll("\\s+", " ").strip()));
        String link = message.value("payment.link");
        if (!link.isBlank() && !settings.buttonUrlPrefix().isBlank() && link.startsWith(settings.buttonUrlPrefix())) {
            components.addObject().put("type", "button").put("sub_type", "url").put("index", "0").putArray("parameters")
                    .addObject().put("type", "text").put("text", link.substring(settings.buttonUrlPrefix().length()));
        }
        return root;
    }

    private String post(String body) {
        URI uri = URI.create(settings.apiBase() + "/" + settings.phoneNumberId() + "/messages");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.accessToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new Refused("cannot connect to whatsapp: " + e.getClass().getSimpleName(), true, Optional.empty());
        } catch (IOException e) {
            throw new RecoupException(ErrorCode.CHANNEL_FAILURE, "no answer from whatsapp (" + e.getClass().getSimpleName()
                    + "): the message may or may not have been sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecoupException(ErrorCode.CHANNEL_FAILURE, "interrupted while calling whatsapp", e);
        }
        return messageId(response);
    }

    private String messageId(HttpResponse<String> response) {
        JsonNode json = read(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            JsonNode id = json.path("messages").path(0).path("id");
            if (id.isTextual()) {
                return id.asText();
            }
            throw new RecoupException(ErrorCode.CHANNEL_FAILURE, "whatsapp answered " + status + " without a message id: "
                    + "the message may or may not have been sent");
        }
        JsonNode error = json.path("error");
        int code = error.path("code").asInt(0);
        String reason = error.isMissingNode() ? "HTTP " + status : code + " " + error.path("message").asText("");
        boolean passing = status == 429 || status >= 500 || THROTTLED.contains(code);
        Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock);
        throw new Refused("whatsapp answered " + status + ": " + reason.strip(), passing, retryAfter);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public boolean deduplicates() {
        return false;
    }

    /** The Cloud API did not take a message: retried when {@code passing}, else a bounce naming Meta's error. */
    static final class Refused extends RecoupException {
        final boolean passing;
        final transient Optional<Duration> retryAfter;

        Refused(String message, boolean passing, Optional<Duration> retryAfter) {
            super(ErrorCode.CHANNEL_FAILURE, message);
            this.passing = passing;
            this.retryAfter = retryAfter;
        }
    }
}
