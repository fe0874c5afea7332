package io.recoup.routes.dispatch;

import io.recoup.core.id.NoticeId;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentLinkIssuer.LinkRequest;
import io.recoup.core.port.PaymentLinkIssuer.PaymentLink;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.store.dispatch.NoticePaymentLinks;
import io.recoup.store.dispatch.NoticePaymentLinks.OwedItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A notice's link at one provider, made at most once per attempt: the stored link while it lives, else the next
 * attempt's, asked for with the notice and the attempt as the provider's idempotency key and stored. Both ways to a
 * link go through here (a notice going out, an expired link being opened), so they number attempts alike and a retry
 * of either never makes a second link for one attempt. The caller holds the notice (claimed or locked) meanwhile.
 */
final class LinkAttempts {
    /** Stripe lets a Checkout Session live at most 24 hours; an hour less leaves room for the clocks. */
    static final Duration LIFETIME = Duration.ofHours(23);

    private final NoticePaymentLinks links;
    private final Clock clock;

    LinkAttempts(NoticePaymentLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** The stored link of the notice at the provider while it lives by its expiry, or empty. */
    Optional<PaymentLink> living(NoticeId notice, PaymentLinkIssuer provider) {
        Instant now = clock.instant();
        return links.latest(notice, provider.provider()).map(NoticePaymentLinks.Stored::link).filter(l -> l.expiresAt().isAfter(now));
    }

    /**
     * The next attempt's link for what is owed (not empty), stored. Throws {@link IllegalStateException} when the items
     * are in several currencies, and the provider's {@code PaymentLinkUnavailable} when it cannot make it now: nothing
     * is stored then, so the next try asks again with the same attempt.
     */
    PaymentLink next(NoticeId notice, long customerId, List<OwedItem> owed, PaymentLinkIssuer provider) {
        Money total = singleCurrencyTotal(owed).orElseThrow(() -> new IllegalStateException("the invoices are in several currencies"));
        int attempt = links.latest(notice, provider.provider()).map(s -> s.attempt() + 1).orElse(1);
        PaymentLink link = provider.issue(new LinkRequest(String.valueOf(notice.value()), attempt, total, shares(owed),
                clock.instant().plus(LIFETIME), "Invoices " + String.join(", ", owed.stream().map(OwedItem::number).toList()),
                links.customerKey(customerId)));
        links.save(notice, attempt, link);
        return link;
    }

    private List<PaymentEffect.ItemShare> shares(List<OwedItem> owed) {
        Map<Long, OpenItemKey> keys = links.itemKeys(owed.stream().map(OwedItem::itemId).toList());
        return owed.stream().map(o -> new PaymentEffect.ItemShare(keys.get(o.itemId()), o.open())).toList();
    }

    private static Optional<Money> singleCurrencyTotal(List<OwedItem> owed) {
        String currency = owed.get(0).open().currencyCode();
        if (owed.stream().anyMatch(o -> !o.open().currencyCode().equals(currency))) {
            return Optional.empty();
        }
        return owed.stream().map(OwedItem::open).reduce(Money::plus);
    }
}
