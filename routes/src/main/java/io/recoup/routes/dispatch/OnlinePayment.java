package io.recoup.routes.dispatch;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.policy.PaymentOption;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentLinkIssuer.LinkRequest;
import io.recoup.core.port.PaymentLinkIssuer.PaymentLink;
import io.recoup.core.port.PaymentLinkUnavailable;
import io.recoup.store.dispatch.DueNotice;
import io.recoup.store.dispatch.NoticePaymentLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The online payment link a reminder offers next to bank transfer, when its step offers {@code stripe} and a Stripe
 * issuer is configured. One link per notice and attempt: a resend reuses the stored link while it lives and asks for
 * the next attempt once it expired, so the provider's idempotency key never makes a second link for one attempt. A
 * provider that cannot make the link now never holds the notice back: it goes out with bank transfer only and the
 * reason is noted on it. Without an issuer, or on a step that does not offer it, nothing changes.
 */
final class OnlinePayment {
    /** Stripe lets a Checkout Session live at most 24 hours; an hour less leaves room for the clocks. */
    static final Duration LIFETIME = Duration.ofHours(23);

    private final Optional<PaymentLinkIssuer> issuer;
    private final Function<String, Set<PaymentOption>> optionsOfStep;
    private final NoticePaymentLinks links;
    private final Clock clock;

    OnlinePayment(Optional<PaymentLinkIssuer> issuer, Function<String, Set<PaymentOption>> optionsOfStep,
                  NoticePaymentLinks links, Clock clock) {
        this.issuer = issuer;
        this.optionsOfStep = optionsOfStep;
        this.links = links;
        this.clock = clock;
    }

    /** The link offered, or why none is although the step offers one; both empty when none is offered. */
    record Offer(Optional<PaymentLink> link, Optional<String> note) {
        static final Offer NONE = new Offer(Optional.empty(), Optional.empty());
    }

    Offer offer(DueNotice notice, List<DueNotice.Line> owed) {
        if (issuer.isEmpty() || !optionsOfStep.apply(owed.get(0).stepKey()).contains(PaymentOption.STRIPE)) {
            return Offer.NONE;
        }
        PaymentLinkIssuer provider = issuer.get();
        Optional<Money> total = singleCurrencyTotal(owed);
        if (total.isEmpty()) {
            return unavailable(provider, "the invoices are in several currencies");
        }
        Instant now = clock.instant();
        Optional<NoticePaymentLinks.Stored> stored = links.latest(notice.noticeId(), provider.provider());
        if (stored.isPresent() && stored.get().link().expiresAt().isAfter(now)) {
            return new Offer(stored.map(NoticePaymentLinks.Stored::link), Optional.empty());
        }
        int attempt = stored.map(s -> s.attempt() + 1).orElse(1);
        try {
            PaymentLink link = provider.issue(new LinkRequest(String.valueOf(notice.noticeId().value()), attempt, total.get(),
                    shares(owed), now.plus(LIFETIME), "Invoices " + String.join(", ", owed.stream().map(DueNotice.Line::number).toList())));
            links.save(notice.noticeId(), attempt, link);
            return new Offer(Optional.of(link), Optional.empty());
        } catch (PaymentLinkUnavailable e) {
            return unavailable(provider, e.getMessage());
        }
    }

    private static Offer unavailable(PaymentLinkIssuer provider, String why) {
        return new Offer(Optional.empty(), Optional.of("no " + provider.provider() + " payment link: " + why
                + "; sent with bank transfer only"));
    }

    private List<PaymentEffect.ItemShare> shares(List<DueNotice.Line> owed) {
        Map<Long, OpenItemKey> keys = links.itemKeys(owed.stream().map(DueNotice.Line::itemId).toList());
        return owed.stream().map(l -> new PaymentEffect.ItemShare(keys.get(l.itemId()), l.open())).toList();
    }

    private static Optional<Money> singleCurrencyTotal(List<DueNotice.Line> owed) {
        String currency = owed.get(0).open().currencyCode();
        if (owed.stream().anyMatch(l -> !l.open().currencyCode().equals(currency))) {
            return Optional.empty();
        }
        return owed.stream().map(DueNotice.Line::open).reduce(Money::plus);
    }
}
