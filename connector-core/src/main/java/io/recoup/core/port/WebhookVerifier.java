package io.recoup.core.port;

import java.util.Optional;
import java.util.function.Function;

/**
 * Checks one webhook delivery of a payment provider over the raw bytes of its body, before anything is parsed, and
 * reads the events it carries. Implementations compare signatures in constant time and take "now" from an injected
 * clock.
 */
public interface WebhookVerifier {
    /** The provider's name, as in the webhook's path ({@code /webhooks/<provider>}) and on stored events. */
    String provider();

    /**
     * @param header the request's headers by name (case-insensitive), empty when absent
     * @param body   the body exactly as received
     */
    WebhookVerdict verify(Function<String, Optional<String>> header, byte[] body);
}
