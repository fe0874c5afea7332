package io.recoup.routes.receive;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.event.DirectDebitEvent;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.lifecycle.ProviderCollectionEvent;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.provider.ProviderCollections;
import io.recoup.store.provider.ProviderMandates;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The part of a provider event's effect that concerns mandates at the provider and the items collected against them:
 * a changed mandate is recorded for the customer our key names (a key we do not know needs a person); a payment that
 * is one of our collections moves it to paid or failed, and a failed one lifts the item's direct-debit block so the
 * policy's reminders take the item up again; both are in the event log ({@link DirectDebitEvent.ProviderPaymentConfirmed},
 * {@link DirectDebitEvent.ProviderPaymentFailed}).
 */
final class ProviderMandateEffects {
    private final ProviderMandates mandates;
    private final ProviderCollections collections;
    private final CollectionRepository holds;
    private final EventLog events;

    ProviderMandateEffects(ProviderMandates mandates, ProviderCollections collections, CollectionRepository holds, EventLog events) {
        this.mandates = mandates;
        this.collections = collections;
        this.holds = holds;
        this.events = events;
    }

    String changed(ProviderEvent event, PaymentEffect.MandateChanged changed) {
        String[] key = changed.customer().split("\\|", -1);
        Optional<Long> customer = key.length == 2 ? mandates.customer(decode(key[0]), decode(key[1])) : Optional.empty();
        if (customer.isEmpty()) {
            throw new RecoupException(ErrorCode.PAYMENT_NEEDS_A_PERSON, event.provider() + " mandate " + changed.mandateId()
                    + " names customer " + changed.customer() + ", which Recoup does not know: " + changed.reason());
        }
        mandates.record(event.provider(), changed.mandateId(), customer.get(), changed.status(), changed.reason(), event.eventId());
        return "mandate " + changed.mandateId() + " of customer " + new OpenItemKey(decode(key[0]), decode(key[1])).externalId()
                + " is " + changed.status() + ": " + changed.reason();
    }

    /** Marks our collection of the payment paid, if it is one; says so. */
    String paid(ProviderEvent event, String paymentId) {
        return collections.byPayment(event.provider(), paymentId).map(c -> {
            if (!collections.move(c.id(), ProviderCollectionEvent.PAY, null)) {
                return "";
            }
            events.append(new DirectDebitEvent.ProviderPaymentConfirmed(c.item(), event.provider(), paymentId));
            return "; collection of " + c.number() + " paid";
        }).orElse("");
    }

    /** Marks our collection of the payment failed, if it is one, and lifts its item's block; says so. */
    String undone(ProviderEvent event, String paymentId, String reason) {
        return collections.byPayment(event.provider(), paymentId).map(c -> {
            if (!collections.move(c.id(), ProviderCollectionEvent.FAIL, reason)) {
                return "";
            }
            holds.releaseHold(c.itemId());
            events.append(new DirectDebitEvent.ProviderPaymentFailed(c.item(), event.provider(), paymentId, reason));
            return "; collection of " + c.number() + " failed, the item is back with the policy";
        }).orElse("");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
