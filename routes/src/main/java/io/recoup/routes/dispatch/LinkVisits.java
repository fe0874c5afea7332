package io.recoup.routes.dispatch;

import io.recoup.core.event.DispatchEvent;
import io.recoup.core.id.NoticeId;
import io.recoup.core.link.LinkTokens;
import io.recoup.core.link.LinkTokens.Target;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentLinkIssuer.PaymentLink;
import io.recoup.core.port.PaymentLinkUnavailable;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.dispatch.DeliveryEvents;
import io.recoup.store.dispatch.NoticePaymentLinks;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a customer follows a link of ours ({@link PublicLinks}). A payment link: the click is stored as a
 * delivery event of its notice (once per day) and the browser goes on to the provider's page for that notice, made
 * again for what is still open when the old one expired (an old reminder's link opened days later). An
 * unsubscribe: the notice's customer is opted out of e-mail, which the next planning run honours. A token that is not
 * genuine does nothing and says nothing about why.
 */
public final class LinkVisits {
    private static final Logger LOG = LoggerFactory.getLogger(LinkVisits.class);

    private final Database db;
    private final LinkTokens tokens;
    private final Clock clock;
    private final DeliveryEvents deliveries;
    private final NoticePaymentLinks links;
    private final LinkAttempts attempts;
    private final Map<String, PaymentLinkIssuer> issuers = new HashMap<>();
    private final EventLog events;

    /** Without payment link issuers: a link is followed as stored, expired or not. */
    public LinkVisits(Database db, LinkTokens tokens, Clock clock) {
        this(db, tokens, clock, List.of());
    }

    /** With the issuers of the configured providers, which make an expired link again when it is opened. */
    public LinkVisits(Database db, LinkTokens tokens, Clock clock, List<PaymentLinkIssuer> issuers) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
        this.deliveries = new DeliveryEvents(db);
        this.links = new NoticePaymentLinks(db);
        this.attempts = new LinkAttempts(links, clock);
        issuers.forEach(i -> this.issuers.put(i.provider(), i));
        this.events = new EventLog(db);
    }

    /** Where a payment link leads. */
    public sealed interface Visit {
        /** To the provider's page. */
        record Redirect(URI to) implements Visit {}

        /** Nothing the link's notice listed is open any more: a page says so instead of making a link. */
        record AlreadyPaid() implements Visit {}

        /** The link expired and the provider cannot make the next one now ({@code why}, for the log): a later open tries again. */
        record Unavailable(String why) implements Visit {}

        /** Not a genuine payment token, or no link of that notice at that provider. */
        record NotFound() implements Visit {}
    }

    /**
     * Where a genuine payment token leads, after the click is stored. A link that charges the notice's items and has
     * expired (by its stored expiry, or the provider says so) is made again for what is still open of them, as the
     * notice's next attempt, with the notice's row locked so two clicks make one; if nothing is open, nobody is sent to
     * pay. A provider failure leaves nothing stored but the click.
     */
    public Visit open(String token) {
        Optional<Target> target = tokens.verify(token).filter(t -> t.purpose() == LinkTokens.Purpose.PAY);
        if (target.isEmpty()) {
            return new Visit.NotFound();
        }
        NoticeId notice = new NoticeId(target.get().notice());
        String provider = target.get().provider();
        return db.inTransaction(() -> {
            Optional<Long> customer = links.lockNotice(notice);
            Optional<NoticePaymentLinks.Stored> stored = customer.flatMap(c -> links.latest(notice, provider));
            if (stored.isEmpty()) {
                return new Visit.NotFound();
            }
            if (deliveries.recordClick(notice, provider, clock.instant(), LocalDate.now(clock))) {
                LOG.info("the {} payment link of notice {} was opened", provider, notice);
            }
            PaymentLinkIssuer issuer = issuers.get(provider);
            PaymentLink link = stored.get().link();
            if (issuer == null || !issuer.chargesItems() || (link.expiresAt().isAfter(clock.instant()) && !issuer.endedEarly(link))) {
                return new Visit.Redirect(link.url());
            }
            return renewed(notice, customer.get(), issuer);
        });
    }

    private Visit renewed(NoticeId notice, long customer, PaymentLinkIssuer issuer) {
        List<NoticePaymentLinks.OwedItem> owed = links.stillOwed(notice);
        if (owed.isEmpty()) {
            LOG.info("the expired {} payment link of notice {} was opened; nothing on it is open any more", issuer.provider(), notice);
            return new Visit.AlreadyPaid();
        }
        try {
            PaymentLink link = attempts.next(notice, customer, owed, issuer);
            LOG.info("the expired {} payment link of notice {} was opened; made {} for what is still open", issuer.provider(), notice,
                    link.id());
            return new Visit.Redirect(link.url());
        } catch (PaymentLinkUnavailable | IllegalStateException e) {
            LOG.warn("the expired {} payment link of notice {} was opened; no new one now: {}", issuer.provider(), notice,
                    e.getMessage());
            return new Visit.Unavailable(e.getMessage());
        }
    }

    /** True when {@code token} is a genuine unsubscribe link (what the page before the one-click button checks). */
    public boolean isUnsubscribe(String token) {
        return tokens.verify(token).filter(t -> t.purpose() == LinkTokens.Purpose.UNSUBSCRIBE).isPresent();
    }

    /**
     * Opts the customer of a genuine unsubscribe token out of e-mail (RFC 8058 one-click); true when the token was
     * genuine, whether or not the customer had opted out before.
     */
    public boolean unsubscribe(String token) {
        Optional<Target> target = tokens.verify(token).filter(t -> t.purpose() == LinkTokens.Purpose.UNSUBSCRIBE);
        if (target.isEmpty()) {
            return false;
        }
        NoticeId notice = new NoticeId(target.get().notice());
        return db.inTransaction(() -> {
            if (deliveries.optOutByNotice(notice, Channel.EMAIL)) {
                events.append(new DispatchEvent.Unsubscribed(notice, "customer unsubscribed from e-mail"));
                LOG.info("the customer of notice {} unsubscribed from e-mail", notice);
            }
            return deliveries.noticeExists(notice);
        });
    }
}
