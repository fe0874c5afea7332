package io.recoup.store;

import java.util.regex.Pattern;

/**
 * This installation's identity, kept in the database: a random id made on the first start and the prefix of the
 * document numbers it gives payments ({@code <prefix>-<id>-<allocation>}, e.g. {@code RCP-K7QX2M-14}). Two installations,
 * or one whose database was reset, never number two payments alike, so the ERP's duplicate check keeps working.
 */
public final class Installation {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,12}");

    private final Database db;

    public Installation(Database db) {
        this.db = db;
    }

    /** The random id made on the first start. */
    public String id() {
        return db.jdbc().queryForObject("select id from installation", String.class);
    }

    /** The random key (V26) that signs the links put into messages; never logged, never shown. */
    public byte[] linkKey() {
        return db.jdbc().queryForObject("select link_key from installation", String.class).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The prefix of document numbers given from now on; those already given keep theirs. */
    public String documentPrefix() {
        return db.jdbc().queryForObject("select document_prefix from installation", String.class);
    }

    /**
     * Sets the prefix of document numbers given from now on.
     *
     * @throws IllegalArgumentException when it is not 1 to 12 letters and digits
     */
    public void useDocumentPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("recoup.posting.document-prefix: '" + prefix + "' is not 1 to 12 letters and digits");
        }
        db.jdbc().update("update installation set document_prefix = ? where document_prefix <> ?", prefix, prefix);
    }
}
