package io.recoup.adapters.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.recoup.core.port.ChangeNotifications;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the mapped object's Change Data Capture channel over the Streaming API (handshake, subscribe with the
 * {@code replay} extension, then long-polling connects) on a thread of its own, and calls {@code changed} once per
 * connect that brought events; the events' content is not read, as the sync that follows reads the records. The
 * replay id of the last event is saved, so a restart resumes after it (Salesforce keeps events 72 hours).
 *
 * <p>A session that breaks (connection dropped, 5xx, the server asking for a new handshake) starts over with a new
 * handshake from the saved replay id, after a backoff with jitter (Resilience4j, the source's retry waits) unless it
 * had been working; a refused token is fetched anew first. When Salesforce no longer knows the client
 * ({@code 403::Unknown client}) or refuses the saved replay id ({@code 400::The replayId ... was invalid}), the
 * subscription starts from new events only ({@code -1}) and one sync is asked for, so nothing in between is missed.
 */
final class ChangeEventSubscriber implements ChangeNotifications.Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeEventSubscriber.class);
    /** Only new events: what Salesforce replays from when there is no usable replay id. */
    static final long NEW_EVENTS = -1;
    /** How long Salesforce holds a connect unless its handshake advice says otherwise. */
    private static final Duration LONG_POLL = Duration.ofSeconds(110);

    private final SalesforceConfig config;
    private final AccessTokens tokens;
    private final Bayeux bayeux;
    private final ChangeNotifications.ReplayStore replays;
    private final Runnable changed;
    private final Retry retry;
    private final Thread thread;
    private volatile boolean closed;
    private long replayFrom;
    private boolean catchUp;

    ChangeEventSubscriber(SalesforceConfig config, AccessTokens tokens, ChangeNotifications.ReplayStore replays,
                          Runnable changed, Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.bayeux = new Bayeux(config, clock);
        this.replays = replays;
        this.changed = changed;
        // a subscription outlives any outage: it tries again until it is closed, at most max-wait apart
        this.retry = Retry.of("salesforce-cdc-" + config.source(), RetryConfig.custom()
                .maxAttempts(Integer.MAX_VALUE)
                .intervalBiFunction(new Backoff(config.retry()))
                .retryOnException(e -> !closed)
                .build());
        retry.getEventPublisher().onRetry(e -> LOG.warn("{}: change notifications on {} broke ({}), again in {} ms",
                config.source(), config.changeChannel(), e.getLastThrowable().getMessage(), e.getWaitInterval().toMillis()));
        this.thread = new Thread(this::run, "salesforce-cdc-" + config.source());
        thread.setDaemon(true);
    }

    ChangeEventSubscriber start() {
        replayFrom = replays.replayId(config.source(), config.changeChannel()).orElse(NEW_EVENTS);
        thread.start();
        return this;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(config.timeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        LOG.info("{}: listening to {} from replay id {}", config.source(), config.changeChannel(), replayFrom);
        while (!closed) {
            try {
                retry.executeRunnable(this::session);
            } catch (RuntimeException stopped) {
                // only when closed (the retry takes every fault until then)
                LOG.debug("{}: change notifications stopped: {}", config.source(), stopped.getMessage());
            }
        }
        LOG.info("{}: stopped listening to {}", config.source(), config.changeChannel());
    }

    /**
     * One Bayeux session, from handshake to the connect that fails. Returns when a session that had been working ends,
     * so the next starts at once; throws when it never worked, so the retry waits first.
     */
    private void session() {
        AccessTokens.Token token = tokens.current();
        boolean working = false;
        try {
            String clientId = handshake(token);
            subscribe(token, clientId);
            if (catchUp) {
                catchUp = false;
                changed.run();
            }
            while (!closed) {
                JsonNode reply = connect(token, clientId);
                if (!reply.path("successful").asBoolean(false)) {
                    if (reply.path("error").asText("").startsWith("403::Unknown client")) {
                        startOver("Salesforce no longer knows this client");
                    }
                    throw refused("connect", reply);
                }
                working = true;
            }
        } catch (SalesforceFault fault) {
            if (fault.status() == 401 || fault.errorCode().startsWith("401")) {
                LOG.info("{}: streaming session refused the token, fetching a new one", config.source());
                tokens.renew(token);
            }
            if (!working || closed) {
                throw fault;
            }
            LOG.warn("{}: change notifications on {} broke ({}), reconnecting", config.source(), config.changeChannel(),
                    fault.getMessage());
        }
    }

    private String handshake(AccessTokens.Token token) {
        ObjectNode message = bayeux.message("/meta/handshake").put("version", "1.0").put("minimumVersion", "1.0");
        message.putArray("supportedConnectionTypes").add("long-polling");
        message.putObject("ext").put("replay", true);
        JsonNode reply = reply(bayeux.send(token, message, Duration.ZERO), "/meta/handshake");
        if (!reply.path("successful").asBoolean(false) || reply.path("clientId").asText("").isEmpty()) {
            throw refused("handshake", reply);
        }
        return reply.path("clientId").asText();
    }

    private void subscribe(AccessTokens.Token token, String clientId) {
        JsonNode reply = subscribeFrom(token, clientId, replayFrom);
        if (!reply.path("successful").asBoolean(false) && reply.path("error").asText("").startsWith("400::")
                && reply.path("error").asText("").toLowerCase(java.util.Locale.ROOT).contains("replayid")) {
            startOver("Salesforce refused replay id " + replayFrom);
            reply = subscribeFrom(token, clientId, replayFrom);
        }
        if (!reply.path("successful").asBoolean(false)) {
            throw refused("subscribe to " + config.changeChannel(), reply);
        }
        LOG.info("{}: subscribed to {} from replay id {}", config.source(), config.changeChannel(), replayFrom);
    }

    private JsonNode subscribeFrom(AccessTokens.Token token, String clientId, long from) {
        ObjectNode message = bayeux.message("/meta/subscribe").put("clientId", clientId)
                .put("subscription", config.changeChannel());
        message.putObject("ext").putObject("replay").put(config.changeChannel(), from);
        return reply(bayeux.send(token, message, Duration.ZERO), "/meta/subscribe");
    }

    /** One long poll: hands its events on and returns the connect's own reply. */
    private JsonNode connect(AccessTokens.Token token, String clientId) {
        ObjectNode message = bayeux.message("/meta/connect").put("clientId", clientId).put("connectionType", "long-polling");
        JsonNode replies = bayeux.send(token, message, LONG_POLL);
        int events = 0;
        for (JsonNode event : replies) {
            if (config.changeChannel().equals(event.path("channel").asText())) {
                events++;
                JsonNode id = event.path("data").path("event").path("replayId");
                if (id.canConvertToLong()) {
                    replayFrom = id.asLong();
                }
            }
        }
        if (events > 0) {
            LOG.debug("{}: {} change event(s) on {}, up to replay id {}", config.source(), events, config.changeChannel(),
                    replayFrom);
            replays.save(config.source(), config.changeChannel(), replayFrom);
            changed.run();
        }
        return reply(replies, "/meta/connect");
    }

    /** Events from here on only, and one sync for whatever happened while the position was lost. */
    private void startOver(String why) {
        LOG.warn("{}: {}; listening to new events only and syncing once to catch up", config.source(), why);
        replayFrom = NEW_EVENTS;
        catchUp = true;
    }

    private JsonNode reply(JsonNode replies, String channel) {
        for (JsonNode reply : replies) {
            if (channel.equals(reply.path("channel").asText())) {
                return reply;
            }
        }
        throw new SalesforceFault(0, "UNEXPECTED_RESPONSE", config.source() + ": no " + channel + " reply",
                Optional.empty(), null);
    }

    private SalesforceFault refused(String what, JsonNode reply) {
        String error = reply.path("error").asText("no error given");
        // Bayeux errors read "<code>::<message>"; the code leads so a 401 is told apart
        String code = error.contains("::") ? error.substring(0, error.indexOf("::")) : "BAYEUX";
        return new SalesforceFault(0, code, config.source() + ": " + what + " refused: " + error, Optional.empty(), null);
    }
}
