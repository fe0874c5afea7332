package io.recoup.store.directdebit;

import io.recoup.store.Database;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The pain.008 file outbox. A file is stored, in the transaction that marks its collections submitted, only after it
 * passed XSD validation; writing it to the outbox folder is a second step, taken with SKIP LOCKED and repeated after
 * a crash (the file name and bytes are the same, so a repeat overwrites a file with itself).
 */
public final class Pain008FileRepository {
    /** A stored file still to be written to the outbox folder. */
    public record PendingFile(long id, String fileName, String content) {
        public PendingFile {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(content, "content");
        }
    }

    private final Database db;

    public Pain008FileRepository(Database db) {
        this.db = db;
    }

    /** The next number for a message id; never handed out twice, even across instances. */
    public long nextMessageNumber() {
        return db.jdbc().queryForObject("select nextval('pain008_message_seq')", Long.class);
    }

    public long insert(String fileName, String messageId, String version, int transactions, BigDecimal controlSum,
                       LocalDate submissionDate, String content) {
        return db.jdbc().queryForObject("""
                insert into pain008_file (file_name, message_id, version, transactions, control_sum, submission_date, content,
                    status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) returning id""", Long.class,
                fileName, messageId, version, transactions, controlSum, submissionDate, content, db.now());
    }

    /** Locks the files not yet written; other instances skip them. */
    public List<PendingFile> claimPending() {
        return db.jdbc().query("select id, file_name, content from pain008_file where status = 'PENDING' order by id "
                + "for update skip locked", (rs, n) -> new PendingFile(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    public void markWritten(long id) {
        db.jdbc().update("update pain008_file set status = 'WRITTEN', written_at = ? where id = ? and status = 'PENDING'",
                db.now(), id);
    }
}
