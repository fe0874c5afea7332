package io.recoup.core.port;

import java.util.List;

/**
 * What a {@link WebhookVerifier} makes of one delivery: accepted with the events it carries (one for Stripe, a batch
 * for GoCardless), malformed (no or an unreadable signature header, a body that is not an event), or refused (the
 * signature does not match any secret, or it is too old). The reason is for the operator's log at DEBUG only; the
 * sender is told nothing but the status.
 */
public sealed interface WebhookVerdict {
    record Accepted(List<ProviderEvent> events) implements WebhookVerdict {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Malformed(String reason) implements WebhookVerdict {}

    record Refused(String reason) implements WebhookVerdict {}
}
