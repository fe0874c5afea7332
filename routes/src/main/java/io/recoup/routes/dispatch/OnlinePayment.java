package io.recoup.routes.dispatch;

import io.recoup.core.policy.PaymentOption;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentLinkIssuer.PaymentLink;
import io.recoup.core.port.PaymentLinkUnavailable;
import io.recoup.store.dispatch.DueNotice;
import io.recoup.store.dispatch.NoticePaymentLinks;
import io.recoup.store.provider.ProviderMandates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The online payment links a reminder offers next to bank transfer, one per provider its step offers ({@code stripe}:
 * a Checkout Session; {@code gocardless}: a mandate set-up flow, only for customers without an active GoCardless
 * mandate, who are collected against it instead) when that provider's issuer is configured. One link per notice,
 * provider and attempt: a resend reuses the stored link while it lives and asks for the next attempt once it expired,
 * so the provider's idempotency key never makes a second link for one attempt. A provider that cannot make the link
 * now never holds the notice back: it goes out without that link and the reason is noted on it. Without an issuer, or
 * on a step that does not offer it (or for a segment that does not allow it), nothing changes.
 */
final class OnlinePayment {
    private final Map<PaymentOption, PaymentLinkIssuer> issuers = new LinkedHashMap<>();
    private final OfferedOptions options;
    private final LinkAttempts attempts;
    private final ProviderMandates mandates;

    OnlinePayment(List<PaymentLinkIssuer> issuers, OfferedOptions options, NoticePaymentLinks links,
                  ProviderMandates mandates, Clock clock) {
        issuers.forEach(i -> PaymentOption.parse(i.provider()).ifPresent(o -> this.issuers.put(o, i)));
        this.options = options;
        this.attempts = new LinkAttempts(links, clock);
        this.mandates = mandates;
    }

    /** The links offered, in the policy's order of options, and why one is not although the step offers it. */
    record Offer(List<PaymentLink> links, List<String> notes) {
        static final Offer NONE = new Offer(List.of(), List.of());

        Offer {
            links = List.copyOf(links);
            notes = List.copyOf(notes);
        }
    }

    Offer offer(DueNotice notice, List<DueNotice.Line> owed) {
        Set<PaymentOption> offered = options.offered(owed.get(0).stepKey(), notice.segment());
        List<PaymentLink> made = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<PaymentOption, PaymentLinkIssuer> issuer : issuers.entrySet()) {
            if (!offered.contains(issuer.getKey()) || (issuer.getKey() == PaymentOption.GOCARDLESS
                    && mandates.hasActive(issuer.getValue().provider(), notice.customerId()))) {
                continue;
            }
            try {
                made.add(link(notice, owed, issuer.getValue()));
            } catch (PaymentLinkUnavailable | IllegalStateException e) {
                notes.add(unavailable(issuer.getValue(), e.getMessage()));
            }
        }
        return new Offer(made, notes);
    }

    private PaymentLink link(DueNotice notice, List<DueNotice.Line> owed, PaymentLinkIssuer provider) {
        return attempts.living(notice.noticeId(), provider).orElseGet(() -> attempts.next(notice.noticeId(), notice.customerId(),
                owed.stream().map(l -> new NoticePaymentLinks.OwedItem(l.itemId(), l.number(), l.open())).toList(), provider));
    }

    private static String unavailable(PaymentLinkIssuer provider, String why) {
        return "no " + provider.provider() + " payment link: " + why + "; sent with bank transfer only";
    }
}
