package io.recoup.app;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.routes.plan.PolicyHolder;
import io.recoup.store.policy.PolicyVersions;
import java.util.Optional;
import org.springframework.dao.DataAccessException;

/**
 * The live policy: the newest version activated through the dashboard (stored in PostgreSQL, V25), or, while none was
 * ever activated, the policy named by {@code recoup.policy}. Its stamp is the version number, so every instance's
 * planner takes a newly activated version on its next cycle; once a version is stored, the file no longer counts.
 */
final class StoredPolicySource implements PolicyHolder.Source {
    private final PolicyVersions versions;
    private final PolicyHolder.Source configured;

    StoredPolicySource(PolicyVersions versions, PolicyHolder.Source configured) {
        this.versions = versions;
        this.configured = configured;
    }

    @Override
    public String name() {
        return live().map(v -> "policy version " + v.version() + " (" + v.policyId() + " v" + v.policyVersion() + ", activated by "
                + v.activatedBy() + " at " + v.activatedAt() + ")").orElseGet(configured::name);
    }

    @Override
    public String text() {
        return live().map(PolicyVersions.Version::yaml).orElseGet(configured::text);
    }

    @Override
    public Object stamp() {
        try {
            Optional<Long> number = versions.liveNumber();
            return number.isPresent() ? "version " + number.get() : configured.stamp();
        } catch (DataAccessException e) {
            // the database is away: keep the policy in force rather than fall back to the file
            return "unreadable: " + e.getMessage();
        }
    }

    private Optional<PolicyVersions.Version> live() {
        try {
            return versions.live();
        } catch (DataAccessException e) {
            // the holder refuses a source it cannot read and keeps the policy in force
            throw new RecoupException(ErrorCode.INVALID_POLICY, "cannot read the live policy version from the database: "
                    + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
