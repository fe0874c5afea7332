package io.recoup.store.directdebit;

import io.recoup.store.Database;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Recoup's own SEPA mandates, keyed by (creditor identifier, unique mandate reference). The lifecycle rules live in the
 * sepa module; this repository only stores what the mandate became, and {@link #getForUpdate} lets a stage change a
 * mandate under a row lock so two instances never present the same mandate's FRST twice.
 */
public final class MandateRepository {
    private static final String COLUMNS = "id, customer_id, creditor_id, reference, debtor_name, debtor_iban, debtor_bic, "
            + "signature_date, scheme, type, state, last_collection_date, original_reference, original_creditor_id, "
            + "original_debtor_iban, debtor_bank_changed, debtor_street, debtor_building, debtor_post_code, debtor_town, "
            + "debtor_country";

    private final Database db;

    public MandateRepository(Database db) {
        this.db = db;
    }

    /** Stores a new mandate of {@code customerId}; refused (unique key) when the creditor already uses the reference. */
    public long insert(long customerId, MandateRow m) {
        MandateRow.Amendment a = m.amendment();
        MandateRow.Address ad = m.address();
        return db.jdbc().queryForObject("""
                insert into mandate (customer_id, creditor_id, reference, debtor_name, debtor_iban, debtor_bic,
                    signature_date, scheme, type, state, last_collection_date, original_reference, original_creditor_id,
                    original_debtor_iban, debtor_bank_changed, debtor_street, debtor_building, debtor_post_code,
                    debtor_town, debtor_country, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                customerId, m.creditorId(), m.reference(), m.debtorName(), m.debtorIban(), m.debtorBic(),
                date(m.signatureDate()), m.scheme(), m.type(), m.state(), date(m.lastCollectionDate()),
                a == null ? null : a.originalReference(), a == null ? null : a.originalCreditorId(),
                a == null ? null : a.originalDebtorIban(), a != null && a.debtorBankChanged(),
                ad == null ? null : ad.street(), ad == null ? null : ad.building(), ad == null ? null : ad.postCode(),
                ad == null ? null : ad.town(), ad == null ? null : ad.country(), db.now(), db.now());
    }

    /** Writes what the mandate became (state, dates, amendment, identifiers after an amendment); the address stays. */
    public void update(long id, MandateRow m) {
        MandateRow.Amendment a = m.amendment();
        int updated = db.jdbc().update("""
                update mandate set creditor_id = ?, reference = ?, debtor_name = ?, debtor_iban = ?, debtor_bic = ?,
                    signature_date = ?, scheme = ?, type = ?, state = ?, last_collection_date = ?, original_reference = ?,
                    original_creditor_id = ?, original_debtor_iban = ?, debtor_bank_changed = ?,
                    version = version + 1, updated_at = ?
                where id = ?""",
                m.creditorId(), m.reference(), m.debtorName(), m.debtorIban(), m.debtorBic(), date(m.signatureDate()),
                m.scheme(), m.type(), m.state(), date(m.lastCollectionDate()),
                a == null ? null : a.originalReference(), a == null ? null : a.originalCreditorId(),
                a == null ? null : a.originalDebtorIban(), a != null && a.debtorBankChanged(), db.now(), id);
        if (updated != 1) {
            throw new IllegalStateException("no mandate with id " + id);
        }
    }

    public StoredMandate get(long id) {
        return db.jdbc().queryForObject("select " + COLUMNS + " from mandate where id = ?", MandateRepository::row, id);
    }

    /** The mandate, locked until the transaction ends; must run inside one. */
    public StoredMandate getForUpdate(long id) {
        return db.jdbc().queryForObject("select " + COLUMNS + " from mandate where id = ? for update", MandateRepository::row, id);
    }

    public Optional<StoredMandate> find(String creditorId, String reference) {
        return db.jdbc().query("select " + COLUMNS + " from mandate where creditor_id = ? and reference = ?",
                MandateRepository::row, creditorId, reference).stream().findFirst();
    }

    private static Date date(java.time.LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static StoredMandate row(ResultSet rs, int n) throws SQLException {
        String originalReference = rs.getString("original_reference");
        String originalCreditorId = rs.getString("original_creditor_id");
        String originalIban = rs.getString("original_debtor_iban");
        boolean bankChanged = rs.getBoolean("debtor_bank_changed");
        MandateRow.Amendment amendment = originalReference == null && originalCreditorId == null && originalIban == null
                && !bankChanged ? null : new MandateRow.Amendment(originalReference, originalCreditorId, originalIban, bankChanged);
        String town = rs.getString("debtor_town");
        MandateRow.Address address = town == null ? null : new MandateRow.Address(rs.getString("debtor_street"),
                rs.getString("debtor_building"), rs.getString("debtor_post_code"), town, rs.getString("debtor_country"));
        Date signed = rs.getDate("signature_date");
        Date last = rs.getDate("last_collection_date");
        return new StoredMandate(rs.getLong("id"), rs.getLong("customer_id"), new MandateRow(rs.getString("creditor_id"),
                rs.getString("reference"), rs.getString("debtor_name"), rs.getString("debtor_iban"), rs.getString("debtor_bic"),
                signed == null ? null : signed.toLocalDate(), rs.getString("scheme"), rs.getString("type"), rs.getString("state"),
                last == null ? null : last.toLocalDate(), amendment, address));
    }
}
