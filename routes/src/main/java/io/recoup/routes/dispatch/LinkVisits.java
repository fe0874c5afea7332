package io.recoup.routes.dispatch;

import io.recoup.core.event.DispatchEvent;
import io.recoup.core.id.NoticeId;
import io.recoup.core.link.LinkTokens;
import io.recoup.core.link.LinkTokens.Target;
import io.recoup.core.policy.Channel;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.dispatch.DeliveryEvents;
import io.recoup.store.dispatch.NoticePaymentLinks;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a customer follows a link of ours ({@link PublicLinks}). A payment link: the click is stored as a
 * delivery event of its notice (once per day) and the browser goes on to the provider's page for that notice. An
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
    private final EventLog events;

    public LinkVisits(Database db, LinkTokens tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
        this.deliveries = new DeliveryEvents(db);
        this.links = new NoticePaymentLinks(db);
        this.events = new EventLog(db);
    }

    /** The provider's page a genuine payment token leads to, after the click is stored; empty for any other token. */
    public Optional<URI> open(String token) {
        Optional<Target> target = tokens.verify(token).filter(t -> t.purpose() == LinkTokens.Purpose.PAY);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        NoticeId notice = new NoticeId(target.get().notice());
        String provider = target.get().provider();
        return db.inTransaction(() -> links.latest(notice, provider).map(stored -> {
            if (deliveries.recordClick(notice, provider, clock.instant(), LocalDate.now(clock))) {
                LOG.info("the {} payment link of notice {} was opened", provider, notice);
            }
            return stored.link().url();
        }));
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
