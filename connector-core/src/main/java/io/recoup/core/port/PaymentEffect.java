package io.recoup.core.port;

/**
 * What a stored provider event means for Recoup's books, as the provider's adapter reads it; the receive stage applies
 * it. An event Recoup has nothing to do with (a type it does not follow, a session that is not ours) is
 * {@link Ignored} with the reason, so every stored event is accounted for.
 */
public sealed interface PaymentEffect {
    record Ignored(String reason) implements PaymentEffect {}
}
