package io.recoup.store.directdebit;

import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.PromiseToPay;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.lifecycle.CollectionEvent;
import io.recoup.core.lifecycle.CollectionLifecycle;
import io.recoup.core.lifecycle.CollectionStatus;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import io.recoup.store.LifecycleRows;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Direct-debit collections: one row per presentation, moved from state to state only along
 * {@link CollectionLifecycle} (a second import of the same report finds the row already moved and changes nothing;
 * a move the table does not allow is an {@link io.recoup.core.lifecycle.IllegalTransition}). Also the dunning block
 * that keeps reminders away from an item while it is being collected, and the review list of R-transactions no rule
 * covers.
 */
public final class CollectionRepository {
    /** Who the dunning blocks of direct debits are created by; the candidate query ignores its own blocks. */
    public static final String HOLD_OWNER = "sepa-direct-debit";

    private static final String COLUMNS = """
            k.id, k.item_id, i.source, i.external_id, i.number, i.creditor_reference, i.customer_id, c.name, c.email,
            c.language, k.mandate_id, k.currency, k.amount, k.requested_collection_date, k.sequence_type,
            k.end_to_end_id, k.attempt, k.represents_id, k.status, k.reason_code, k.file_name
            from collection k join open_item i on i.id = k.item_id join customer c on c.id = i.customer_id""";

    private final Database db;
    private final LifecycleRows<CollectionStatus, CollectionEvent> statuses;

    public CollectionRepository(Database db) {
        this.db = db;
        this.statuses = new LifecycleRows<>(db, "collection", CollectionLifecycle.TABLE);
    }

    /** Makes this transaction the only one choosing and submitting collections until it ends. */
    public void lockCollecting() {
        db.jdbc().queryForList("select pg_advisory_xact_lock(7302)");
    }

    /**
     * Open euro items due by {@code dueBy} whose customer has a usable mandate and an e-mail address for the
     * pre-notification and that were never collected by direct debit before, with what may pause them (a customer with an
     * active mandate at a payment provider is collected there instead, never here) (holds other
     * than direct debit's own, the latest promise, an agreed plan). Whether they may be collected is decided by the
     * caller with the core's rules ({@code Pauses}, SEPA's amount range); this only reads.
     */
    public List<DirectDebitCandidate> candidates(LocalDate dueBy) {
        List<DirectDebitCandidate> rows = db.jdbc().query("""
                select i.id, i.number, i.customer_id, m.id, i.currency, i.open_amount, i.due_date
                from open_item i join customer c on c.id = i.customer_id
                join lateral (select id from mandate m where m.customer_id = i.customer_id and m.state in ('ACTIVE', 'AMENDED')
                    order by m.signature_date desc, m.id desc limit 1) m on true
                where i.status = 'OPEN' and i.currency = 'EUR' and i.due_date <= ? and c.email is not null
                    and not exists (select 1 from collection k where k.item_id = i.id)
                    and not exists (select 1 from provider_mandate pm where pm.customer_id = i.customer_id and pm.status = 'active')
                order by i.due_date, i.id""",
                (rs, n) -> new DirectDebitCandidate(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        Money.of(rs.getBigDecimal(6), Money.currencyOf(rs.getString(5))), rs.getDate(7).toLocalDate(),
                        List.of(), List.of(), Optional.empty(), false), dueBy);
        if (rows.isEmpty()) {
            return rows;
        }
        Long[] items = rows.stream().map(DirectDebitCandidate::itemId).toArray(Long[]::new);
        Long[] customers = rows.stream().map(DirectDebitCandidate::customerId).distinct().toArray(Long[]::new);
        Map<Long, List<Hold>> itemHolds = new HashMap<>();
        Map<Long, List<Hold>> customerHolds = new HashMap<>();
        db.jdbc().query("""
                select customer_id, item_id, kind, reason, since, until from hold
                where released_at is null and created_by <> ? and (item_id = any(?) or (item_id is null and customer_id = any(?)))""",
                rs -> {
                    Hold hold = new Hold(Hold.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getDate(5).toLocalDate(),
                            Optional.ofNullable(rs.getDate(6)).map(Date::toLocalDate));
                    long item = rs.getLong(2);
                    (rs.wasNull() ? customerHolds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            : itemHolds.computeIfAbsent(item, k -> new ArrayList<>())).add(hold);
                }, HOLD_OWNER, items, customers);
        Map<Long, PromiseToPay> promises = new HashMap<>();
        db.jdbc().query("""
                select distinct on (item_id) item_id, promised_for, currency, amount, open_when_promised from promise_to_pay
                where item_id = any(?) order by item_id, id desc""", rs -> {
            var currency = Money.currencyOf(rs.getString(3));
            promises.put(rs.getLong(1), new PromiseToPay(rs.getDate(2).toLocalDate(), Money.of(rs.getBigDecimal(4), currency),
                    Money.of(rs.getBigDecimal(5), currency)));
        }, (Object) items);
        Set<Long> planned = new HashSet<>(db.jdbc().queryForList("select item_id from payment_plan where item_id = any(?)",
                Long.class, (Object) items));
        return rows.stream().map(r -> r.with(itemHolds.getOrDefault(r.itemId(), List.of()),
                customerHolds.getOrDefault(r.customerId(), List.of()), Optional.ofNullable(promises.get(r.itemId())),
                planned.contains(r.itemId()))).toList();
    }

    /**
     * Adds a presentation in state PLANNED and returns its id, or empty when the item is already in a live collection.
     * A first attempt gets the end-to-end id {@code RCP-C<its id>-1}; a re-presentation brings its own.
     */
    public Optional<Long> insertPlanned(long itemId, long mandateId, Money amount, LocalDate requestedDate, int attempt,
                                        Long representsId, String endToEndId) {
        return db.jdbc().queryForList("""
                with n as (select nextval(pg_get_serial_sequence('collection', 'id')) as id)
                insert into collection (id, item_id, mandate_id, currency, amount, requested_collection_date, end_to_end_id,
                    attempt, represents_id, status, created_at, updated_at)
                select n.id, ?, ?, ?, ?, ?, coalesce(?, 'RCP-C' || n.id || '-1'), ?, ?, ?, ?, ? from n
                on conflict (item_id) where status in ('PLANNED', 'PRE_NOTIFIED', 'SUBMITTED', 'ACCEPTED') do nothing
                returning id""", Long.class,
                itemId, mandateId, amount.currencyCode(), amount.amount(), requestedDate, endToEndId, attempt, representsId,
                statuses.initial(), db.now(), db.now()).stream().findFirst();
    }

    public StoredCollection get(long id) {
        return db.jdbc().queryForObject("select " + COLUMNS + " where k.id = ?", CollectionRepository::row, id);
    }

    /** The presentation with this end-to-end id, locked until the transaction ends. */
    public Optional<StoredCollection> findForUpdate(String endToEndId) {
        return db.jdbc().query("select " + COLUMNS + " where k.end_to_end_id = ? for update of k", CollectionRepository::row,
                endToEndId).stream().findFirst();
    }

    /** Locks the next PLANNED collection with an id above {@code afterId}; other instances skip locked rows. */
    public Optional<StoredCollection> claimNextToNotify(long afterId) {
        return db.jdbc().query("select " + COLUMNS + " where k.status in (" + statuses.sourcesOf(CollectionEvent.PRE_NOTIFY)
                + ") and k.id > ? order by k.id limit 1 for update of k skip locked", CollectionRepository::row, afterId)
                .stream().findFirst();
    }

    /** Pre-notified collections with a requested date up to {@code dateBy}, by mandate and date, locked. */
    public List<StoredCollection> preNotifiedUpTo(LocalDate dateBy) {
        return db.jdbc().query("select " + COLUMNS + " where k.status in (" + statuses.sourcesOf(CollectionEvent.SUBMIT)
                + ") and k.requested_collection_date <= ? order by k.mandate_id, k.requested_collection_date, k.id "
                + "for update of k", CollectionRepository::row, dateBy);
    }

    /** Submitted or accepted collections whose requested date lies before {@code today}: those settling may move. */
    public List<StoredCollection> presentedBefore(LocalDate today) {
        return db.jdbc().query("select " + COLUMNS + " where k.status in (" + statuses.sourcesOf(CollectionEvent.SETTLE)
                + ") and k.requested_collection_date < ? order by k.id", CollectionRepository::row, today);
    }

    /** Collections of a mandate that have not gone into a file yet: those that may still be withdrawn. */
    public List<StoredCollection> notYetSubmitted(long mandateId) {
        return db.jdbc().query("select " + COLUMNS + " where k.mandate_id = ? and k.status in ("
                + statuses.sourcesOf(CollectionEvent.WITHDRAW) + ") order by k.id for update of k", CollectionRepository::row,
                mandateId);
    }

    /** Every presentation that went out in the file with this message id. */
    public List<StoredCollection> inFile(String messageId) {
        return db.jdbc().query("select " + COLUMNS + " join pain008_file f on f.id = k.pain008_file_id "
                + "where f.message_id = ? order by k.id", CollectionRepository::row, messageId);
    }

    /**
     * Every presentation in one payment block of the file with this message id. A block id is unique only within its
     * message (a bank may echo any), so it is never looked up alone: a block-level reject must not reach another file.
     */
    public List<StoredCollection> inPaymentBlock(String messageId, String paymentInformationId) {
        return db.jdbc().query("select " + COLUMNS + " join pain008_file f on f.id = k.pain008_file_id "
                + "where f.message_id = ? and k.payment_information_id = ? order by k.id",
                CollectionRepository::row, messageId, paymentInformationId);
    }

    /**
     * {@link CollectionEvent#PRE_NOTIFY}: records the date the debtor was told and the message that told it. The
     * outcome is that of {@link #move}.
     */
    public boolean markPreNotified(long id, LocalDate requestedDate, LocalDate notifiedOn, String notificationId) {
        return statuses.move(id, CollectionEvent.PRE_NOTIFY, "requested_collection_date = ?, pre_notified_on = ?, "
                + "pre_notification_id = ?, updated_at = ?", requestedDate, notifiedOn, notificationId, db.now());
    }

    /**
     * {@link CollectionEvent#SUBMIT}: records the file, payment block and sequence type the presentation went out
     * with. The outcome is that of {@link #move}.
     */
    public boolean markSubmitted(long id, long fileId, String fileName, String paymentInformationId, String sequenceType) {
        return statuses.move(id, CollectionEvent.SUBMIT, "pain008_file_id = ?, file_name = ?, payment_information_id = ?, "
                + "sequence_type = ?, updated_at = ?", fileId, fileName, paymentInformationId, sequenceType, db.now());
    }

    /**
     * Applies {@code event} along {@link CollectionLifecycle}, recording the reason code, what it means and what was
     * done about it. True when the collection moved; false when it had already taken the event or moved on from its
     * target (a replayed report).
     *
     * @throws io.recoup.core.lifecycle.IllegalTransition when the collection's state does not allow the event
     */
    public boolean move(long id, CollectionEvent event, String reasonCode, String reason, String action) {
        return statuses.move(id, event, "reason_code = coalesce(?, reason_code), reason = coalesce(?, reason), "
                + "action = coalesce(?, action), updated_at = ?", reasonCode, reason, action, db.now());
    }

    /** Puts a dunning block on the item while it is being collected, unless one from direct debit is already there. */
    public void holdItem(long customerId, long itemId, String reason, LocalDate since) {
        db.jdbc().update("""
                insert into hold (customer_id, item_id, kind, reason, since, created_by, created_at)
                select ?, ?, 'BLOCK', ?, ?, ?, ? where not exists (select 1 from hold
                    where item_id = ? and created_by = ? and released_at is null)""",
                customerId, itemId, reason, since, HOLD_OWNER, db.now(), itemId, HOLD_OWNER);
    }

    /** Ends the direct-debit block of the item, so the dunning policy takes it up again. */
    public void releaseHold(long itemId) {
        db.jdbc().update("update hold set released_at = ? where item_id = ? and created_by = ? and released_at is null",
                db.now(), itemId, HOLD_OWNER);
    }

    /** Records an R-transaction for a person to look at; a second record for the same collection is ignored. */
    public void addReview(long collectionId, long itemId, String reasonCode, String explanation) {
        db.jdbc().update("insert into collection_review (collection_id, item_id, reason_code, explanation, created_at) "
                + "values (?, ?, ?, ?, ?) on conflict (collection_id) do nothing",
                collectionId, itemId, reasonCode, explanation, db.now());
    }

    private static StoredCollection row(ResultSet rs, int n) throws SQLException {
        long represents = rs.getLong("represents_id");
        Long representsId = rs.wasNull() ? null : represents;
        Date requested = rs.getDate("requested_collection_date");
        return new StoredCollection(rs.getLong("id"), rs.getLong("item_id"),
                new OpenItemKey(rs.getString("source"), rs.getString("external_id")), rs.getString("number"),
                rs.getString("creditor_reference"), rs.getLong("customer_id"), rs.getString("name"),
                Optional.ofNullable(rs.getString("email")), Locale.forLanguageTag(rs.getString("language")),
                rs.getLong("mandate_id"), Money.of(rs.getBigDecimal("amount"), Money.currencyOf(rs.getString("currency"))),
                requested.toLocalDate(), rs.getString("sequence_type"), rs.getString("end_to_end_id"), rs.getInt("attempt"),
                representsId, CollectionStatus.valueOf(rs.getString("status")), rs.getString("reason_code"),
                rs.getString("file_name"));
    }
}
