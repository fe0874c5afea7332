package io.recoup.adapters.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The OAuth2 client-credentials token, fetched once and kept until shortly before it expires (a tenth of its life,
 * at most a minute, so a request never leaves with a token that dies on the way). A 401 mid-sync drops the token it
 * was refused with; the next request fetches a fresh one. The token never reaches a log.
 */
final class AccessTokens {
    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    private final Supplier<JsonNode> grant;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    AccessTokens(Supplier<JsonNode> grant, Clock clock) {
        this.grant = grant;
        this.clock = clock;
    }

    synchronized String current() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            JsonNode answer = grant.get();
            String fresh = answer.path("access_token").asText("");
            if (fresh.isBlank()) {
                throw new BcFault(0, false, null, "the token endpoint answered without an access_token", null);
            }
            Duration life = Duration.ofSeconds(answer.path("expires_in").asLong(3600));
            Duration margin = life.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? life.dividedBy(10) : MAX_MARGIN;
            token = fresh;
            refreshAt = clock.instant().plus(life).minus(margin);
        }
        return token;
    }

    /** Forgets {@code refused} (when it is still the current token) so the next request asks for a new one. */
    synchronized void refused(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }
}
