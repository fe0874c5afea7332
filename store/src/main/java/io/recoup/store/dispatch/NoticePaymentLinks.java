package io.recoup.store.dispatch;

import io.recoup.core.id.NoticeId;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentLinkIssuer.PaymentLink;
import io.recoup.store.Database;
import java.net.URI;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The online payment links made for notices ({@code notice_payment_link}), one row per notice, provider and attempt:
 * the latest is reused while it lives, and after it expires the next attempt asks the provider for a new one.
 */
public final class NoticePaymentLinks {
    private final Database db;

    public NoticePaymentLinks(Database db) {
        this.db = db;
    }

    /** A link kept for a notice: which attempt made it, and the link itself. */
    public record Stored(int attempt, PaymentLink link) {
        public Stored {
            Objects.requireNonNull(link, "link");
        }
    }

    /** The notice's latest link at {@code provider}, whether it still lives or not. */
    public Optional<Stored> latest(NoticeId notice, String provider) {
        return db.jdbc().query("""
                select attempt, link_id, url, expires_at from notice_payment_link where notice_id = ? and provider = ?
                order by attempt desc limit 1""", (rs, n) -> new Stored(rs.getInt(1), new PaymentLink(provider, rs.getString(2),
                URI.create(rs.getString(3)), rs.getTimestamp(4).toInstant())), notice.value(), provider).stream().findFirst();
    }

    /** Keeps the link an attempt made; the same attempt stored again (a retried transaction) is kept once. */
    public void save(NoticeId notice, int attempt, PaymentLink link) {
        db.jdbc().update("""
                insert into notice_payment_link (notice_id, provider, attempt, link_id, url, expires_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (notice_id, provider, attempt) do nothing""", notice.value(),
                link.provider(), attempt, link.id(), link.url().toString(), Timestamp.from(link.expiresAt()), db.now());
    }

    /**
     * Takes the notice for the caller's transaction (its row locked) so two visitors of one expired link cannot both ask
     * the provider for the next attempt: the second waits and finds the first's link. The notice's customer, or empty
     * when there is no such notice.
     */
    public Optional<Long> lockNotice(NoticeId notice) {
        return db.jdbc().queryForList("select customer_id from notice where id = ? for update", Long.class, notice.value())
                .stream().findFirst();
    }

    /** An item a notice listed that is still owed now, with what is open of it. */
    public record OwedItem(long itemId, String number, Money open) {
        public OwedItem {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(open, "open");
        }
    }

    /**
     * What is still open now of the items the notice listed (not those taken off it before it went out), in the order it
     * listed them; empty when every one of them is paid.
     */
    public List<OwedItem> stillOwed(NoticeId notice) {
        return db.jdbc().query("""
                select i.id, i.number, i.currency, i.open_amount from action a join open_item i on i.id = a.item_id
                where a.notice_id = ? and a.status <> 'CANCELLED' and i.status = 'OPEN' and i.open_amount > 0 order by a.id""",
                (rs, n) -> new OwedItem(rs.getLong(1), rs.getString(2), Money.of(rs.getBigDecimal(4),
                        Currency.getInstance(rs.getString(3)))), notice.value());
    }

    /** The source ledger's key of each item, by item id: what a provider's line items name. */
    public Map<Long, OpenItemKey> itemKeys(Collection<Long> itemIds) {
        Map<Long, OpenItemKey> keys = new HashMap<>();
        db.jdbc().query("select id, source, external_id from open_item where id = any (?)", rs -> {
            keys.put(rs.getLong(1), new OpenItemKey(rs.getString(2), rs.getString(3)));
        }, (Object) itemIds.toArray(Long[]::new));
        return keys;
    }

    /**
     * Our key of the customer as given to a provider, {@code <source>|<external id>} with both percent-encoded (so a
     * {@code |} in either cannot shift them); a mandate set up through a link carries it back.
     */
    public String customerKey(long customerId) {
        return db.jdbc().queryForObject("select source, external_id from customer where id = ?", (rs, n) ->
                java.net.URLEncoder.encode(rs.getString(1), java.nio.charset.StandardCharsets.UTF_8) + "|"
                        + java.net.URLEncoder.encode(rs.getString(2), java.nio.charset.StandardCharsets.UTF_8), customerId);
    }
}
