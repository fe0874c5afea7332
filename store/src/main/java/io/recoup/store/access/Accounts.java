package io.recoup.store.access;

import io.recoup.store.Database;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * Users and API tokens kept in the database. A user's password is stored as its encoded hash ({@code {bcrypt}...}),
 * a token as the hex SHA-256 of the token; the clear text of either is never written.
 */
public final class Accounts {
    private final Database db;

    public Accounts(Database db) {
        this.db = db;
    }

    /** A stored user: name, encoded password hash, role names. */
    public record StoredUser(String name, String passwordHash, Set<String> roles) {}

    /** A token's metadata; {@code revokedAt} empty while it may be used. */
    public record StoredToken(long id, String name, Set<String> roles, Instant createdAt, String createdBy,
                              Optional<Instant> revokedAt, Optional<Instant> lastUsedAt) {}

    public boolean hasUsers() {
        return Boolean.TRUE.equals(db.jdbc().queryForObject("select exists (select 1 from app_user)", Boolean.class));
    }

    /** Adds the user unless one of that name exists; whether it was added. */
    public boolean addUser(String name, String passwordHash, Set<String> roles, String createdBy) {
        return db.jdbc().update("""
                insert into app_user (name, password_hash, roles, created_at, created_by) values (?, ?, ?::text[], ?, ?)
                on conflict (name) do nothing""", name, passwordHash, textArray(roles), db.now(), createdBy) == 1;
    }

    public Optional<StoredUser> user(String name) {
        return db.jdbc().query("select name, password_hash, roles from app_user where name = ?",
                (rs, n) -> new StoredUser(rs.getString(1), rs.getString(2), roles(rs.getArray(3))), name).stream().findFirst();
    }

    /** Stores a new token by its hash; its id. */
    public long addToken(String name, String tokenHash, Set<String> roles, String createdBy) {
        return db.jdbc().queryForObject("""
                insert into api_token (name, token_hash, roles, created_at, created_by) values (?, ?, ?::text[], ?, ?) returning id""",
                Long.class, name, tokenHash, textArray(roles), db.now(), createdBy);
    }

    /** The live token with this hash, marked as used now. */
    public Optional<StoredToken> useToken(String tokenHash) {
        return db.jdbc().query("""
                update api_token set last_used_at = ? where token_hash = ? and revoked_at is null
                returning id, name, roles, created_at, created_by, revoked_at, last_used_at""",
                (rs, n) -> token(rs), db.now(), tokenHash).stream().findFirst();
    }

    public Optional<StoredToken> token(long id) {
        return db.jdbc().query("""
                select id, name, roles, created_at, created_by, revoked_at, last_used_at from api_token where id = ?""",
                (rs, n) -> token(rs), id).stream().findFirst();
    }

    public List<StoredToken> tokens() {
        return db.jdbc().query("select id, name, roles, created_at, created_by, revoked_at, last_used_at from api_token order by id",
                (rs, n) -> token(rs));
    }

    /** Revokes the token; whether it was live. */
    public boolean revokeToken(long id, String by) {
        return db.jdbc().update("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                db.now(), by, id) == 1;
    }

    private static StoredToken token(java.sql.ResultSet rs) throws SQLException {
        return new StoredToken(rs.getLong(1), rs.getString(2), roles(rs.getArray(3)), rs.getTimestamp(4).toInstant(), rs.getString(5),
                Optional.ofNullable(rs.getTimestamp(6)).map(java.sql.Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp(7)).map(java.sql.Timestamp::toInstant));
    }

    private static Set<String> roles(Array array) throws SQLException {
        if (array == null) {
            throw new DataRetrievalFailureException("a stored account without roles");
        }
        return new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }

    private static String textArray(Set<String> roles) {
        return "{" + String.join(",", new TreeSet<>(roles)) + "}";
    }
}
