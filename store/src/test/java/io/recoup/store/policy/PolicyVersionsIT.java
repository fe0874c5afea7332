package io.recoup.store.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Policy drafts and versions on a real PostgreSQL: only a valid draft becomes a version, and every version stays. */
class PolicyVersionsIT {
    private JdbcTemplate jdbc;
    private PolicyVersions versions;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabase.fresh();
        jdbc = new JdbcTemplate(dataSource);
        versions = new PolicyVersions(new Database(dataSource, MutableClock.at(LocalDate.of(2026, 3, 2))));
    }

    @Test
    void activatingValidDraftsAppendsVersionsAndKeepsThePreviousOneForRollback() {
        assertThat(versions.live()).isEmpty();
        long first = versions.addDraft("policy: a", Optional.of("a"), Optional.of("1"), "[]", "ada");
        long second = versions.addDraft("policy: b", Optional.of("b"), Optional.of("2"), "[]", "bob");
        assertThat(versions.activate(first, "ada")).hasValue(1);
        assertThat(versions.activate(second, "bob")).hasValue(2);
        assertThat(versions.live().orElseThrow().policyId()).isEqualTo("b");
        assertThat(versions.activate(first, "ada")).hasValue(3);
        assertThat(versions.live().orElseThrow()).satisfies(v -> {
            assertThat(v.policyId()).isEqualTo("a");
            assertThat(v.draftId()).isEqualTo(first);
            assertThat(v.activatedBy()).isEqualTo("ada");
        });
        assertThat(versions.liveNumber()).contains(3L);
        assertThat(versions.history(10)).extracting(PolicyVersions.Version::policyId).containsExactly("a", "b", "a");
    }

    @Test
    void anInvalidDraftIsStoredWithItsProblemsButNeverActivated() {
        long bad = versions.addDraft("policy: [", Optional.empty(), Optional.empty(),
                "[{\"line\":1,\"column\":9,\"field\":\"\",\"reason\":\"malformed YAML\"}]", "ada");
        assertThat(versions.draft(bad).orElseThrow()).satisfies(d -> {
            assertThat(d.valid()).isFalse();
            assertThat(d.problemsJson()).contains("malformed YAML");
        });
        assertThat(versions.activate(bad, "ada")).isEmpty();
        assertThat(versions.activate(999, "ada")).isEmpty();
        assertThat(versions.live()).isEmpty();
        // the database refuses it too, whatever the code above it does
        assertThatThrownBy(() -> jdbc.update("""
                insert into policy_version (draft_id, yaml, policy_id, policy_version, activated_by, activated_at)
                values (?, 'x', 'x', '1', 'ada', now())""", bad)).isInstanceOf(DataIntegrityViolationException.class);
    }
}
