package io.recoup.store.dispatch;

import io.recoup.core.id.NoticeId;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryStatus;
import io.recoup.store.Database;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery events of notices (V19): the send with the provider's message id, then what the provider reported
 * about it. The send is what ties a later report to its notice; a report already stored is not stored again, so a
 * callback the provider repeats changes nothing.
 */
public final class DeliveryEvents {
    private final Database db;

    public DeliveryEvents(Database db) {
        this.db = db;
    }

    /** Stores {@code status} against {@code notice}; false when the same fact about the message was stored before. */
    public boolean record(NoticeId notice, DeliveryStatus status) {
        return db.jdbc().update("""
                insert into delivery_event (notice_id, channel, provider_message_id, kind, reason, occurred_at, received_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (channel, provider_message_id, kind) do nothing""",
                notice.value(), status.channel().name(), status.providerMessageId(), status.kind().name(), status.reason(),
                Timestamp.from(status.occurredAt()), db.now()) == 1;
    }

    /** The notice whose send got this id from the provider on this channel, if it was ours. */
    public Optional<NoticeId> noticeOf(DeliveryStatus status) {
        return db.jdbc().queryForList("select notice_id from delivery_event where channel = ? and provider_message_id = ? "
                        + "and kind = 'SENT'", Long.class, status.channel().name(), status.providerMessageId())
                .stream().findFirst().map(NoticeId::new);
    }

    /** The notice's status now, with its customer, for the report that arrived (locked until the transaction ends). */
    public Optional<NoticeState> lockNotice(NoticeId notice) {
        return db.jdbc().query("select status, customer_id from notice where id = ? for update",
                (rs, n) -> new NoticeState(rs.getString(1), rs.getLong(2)), notice.value()).stream().findFirst();
    }

    /** A notice's status and customer, as a delivery report needs them. */
    public record NoticeState(String status, long customerId) {}

    /**
     * Every delivery event of the notices that carried an item, oldest first, for the item's explanation: "2026-03-10
     * sms SENT SM123", "... FAILED 30003 unreachable".
     */
    public List<Map<String, Object>> ofItem(long itemId) {
        return db.jdbc().queryForList("""
                select e.notice_id as notice, lower(e.channel) as channel, lower(e.kind) as kind, e.provider_message_id as "providerId",
                    e.reason, e.occurred_at as "occurredAt"
                from delivery_event e where e.notice_id in (select notice_id from action where item_id = ? and notice_id is not null)
                order by e.occurred_at, e.id""", itemId);
    }

    /**
     * Stores that the customer opened the {@code provider} payment link of {@code notice} on {@code day} (the company's
     * day), once per notice, provider and day; false when the notice does not exist or that click was stored before.
     */
    public boolean recordClick(NoticeId notice, String provider, Instant at, LocalDate day) {
        return db.jdbc().update("""
                insert into delivery_event (notice_id, channel, provider_message_id, kind, reason, occurred_at, received_at)
                select id, channel, ?, 'CLICKED', ?, ?, ? from notice where id = ?
                on conflict (channel, provider_message_id, kind) do nothing""",
                "click/" + notice.value() + "/" + provider + "/" + day, "payment link opened: " + provider, Timestamp.from(at),
                db.now(), notice.value()) == 1;
    }

    /**
     * Records that the customer of {@code notice} asked not to be reached on {@code channel} again (the unsubscribe
     * link of an e-mail); false when the notice does not exist or the opt-out was recorded before.
     */
    public boolean optOutByNotice(NoticeId notice, Channel channel) {
        return db.jdbc().update("""
                insert into opt_out (customer_id, channel, created_at) select customer_id, ?, ? from notice where id = ?
                on conflict (customer_id, channel) do nothing""", channel.name(), db.now(), notice.value()) == 1;
    }

    public boolean noticeExists(NoticeId notice) {
        return !db.jdbc().queryForList("select 1 from notice where id = ?", Integer.class, notice.value()).isEmpty();
    }

    /**
     * Records that the customers with this phone number asked not to be reached on {@code channel} again (a "STOP"
     * reply); returns how many customers that was. Numbers are compared by their digits only, so "+49 151 ..." and
     * "49151..." (how WhatsApp writes a sender) are the same.
     */
    public int optOutByPhone(String phone, Channel channel) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return 0;
        }
        return db.jdbc().update("""
                insert into opt_out (customer_id, channel, created_at)
                select id, ?, ? from customer where regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') = ?
                on conflict (customer_id, channel) do nothing""", channel.name(), db.now(), digits);
    }
}
