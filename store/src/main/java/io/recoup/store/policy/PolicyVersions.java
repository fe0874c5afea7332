package io.recoup.store.policy;

import io.recoup.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Uploaded policy drafts and the versions made of them (V25). A draft is stored as uploaded, with its problems as
 * JSON; a version is appended when a valid draft is activated, and the live policy is the newest version. Nothing is
 * updated or deleted: rolling back activates an older draft again.
 */
public final class PolicyVersions {
    private final Database db;

    public PolicyVersions(Database db) {
        this.db = db;
    }

    /** An uploaded policy: its YAML, its id and version when it named them, and its problems (a JSON array). */
    public record Draft(long id, String yaml, Optional<String> policyId, Optional<String> policyVersion, boolean valid,
                        String problemsJson, String createdBy, Instant createdAt) {
        public Draft {
            if (yaml == null || problemsJson == null || createdBy == null || createdBy.isBlank()) {
                throw new IllegalArgumentException("a policy draft has its text, its problems and who uploaded it");
            }
        }
    }

    /** A policy in force from {@code activatedAt} until the next version: which draft, who put it there. */
    public record Version(long version, long draftId, String yaml, String policyId, String policyVersion, String activatedBy,
                          Instant activatedAt) {
        public Version {
            if (version < 1 || yaml == null || policyId == null || policyVersion == null || activatedBy == null) {
                throw new IllegalArgumentException("a policy version has a number from 1, its text, its policy and who activated it");
            }
        }
    }

    /** Stores a draft and returns its id; {@code problemsJson} is {@code []} exactly when the draft is valid. */
    public long addDraft(String yaml, Optional<String> policyId, Optional<String> policyVersion, String problemsJson, String by) {
        return db.jdbc().queryForObject("""
                insert into policy_draft (yaml, policy_id, policy_version, valid, problems, created_by, created_at)
                values (?, ?, ?, jsonb_array_length(?::jsonb) = 0, ?::jsonb, ?, ?) returning id""", Long.class,
                yaml, policyId.orElse(null), policyVersion.orElse(null), problemsJson, problemsJson, by, db.now());
    }

    public Optional<Draft> draft(long id) {
        return db.jdbc().query("""
                select id, yaml, policy_id, policy_version, valid, problems::text, created_by, created_at
                from policy_draft where id = ?""",
                (rs, n) -> new Draft(rs.getLong(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)), rs.getBoolean(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()), id).stream().findFirst();
    }

    /**
     * Puts a valid draft in force as the next version and returns its number; empty when there is no such draft or
     * it is not valid (the database refuses that too).
     */
    public OptionalLong activate(long draftId, String by) {
        List<Long> versions = db.jdbc().queryForList("""
                insert into policy_version (draft_id, yaml, policy_id, policy_version, activated_by, activated_at)
                select id, yaml, policy_id, policy_version, ?, ? from policy_draft where id = ? and valid returning version""",
                Long.class, by, db.now(), draftId);
        return versions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(versions.get(0));
    }

    /** The policy in force, if one was ever activated here. */
    public Optional<Version> live() {
        return history(1).stream().findFirst();
    }

    /** The number of the version in force, if any: cheap enough for the planner to ask every cycle. */
    public Optional<Long> liveNumber() {
        return Optional.ofNullable(db.jdbc().queryForObject("select max(version) from policy_version", Long.class));
    }

    /** The last {@code limit} versions, newest first. */
    public List<Version> history(int limit) {
        return db.jdbc().query("""
                select version, draft_id, yaml, policy_id, policy_version, activated_by, activated_at
                from policy_version order by version desc limit ?""",
                (rs, n) -> new Version(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()), limit);
    }
}
