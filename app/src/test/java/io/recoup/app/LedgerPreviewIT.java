package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.PolicyLoader;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.plan.CaseRows;
import java.time.LocalDate;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The preview over a stored ledger on a real PostgreSQL: it covers what it says, stops at its bound, stores nothing. */
class LedgerPreviewIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private Database db;
    private JdbcTemplate jdbc;
    private DunningPolicy policy;

    @BeforeEach
    void threeCustomersInThreeBatches() {
        DataSource dataSource = TestDatabase.fresh();
        jdbc = new JdbcTemplate(dataSource);
        db = new Database(dataSource, MutableClock.at(DAY));
        new CaseRows(jdbc).customersAcrossThreeBatches(DAY);
        policy = PolicyLoader.withBundledSchema().load("default.yaml", PolicyApiIT.bundled("default.yaml"));
    }

    @Test
    void coversEveryOpenItemUnderTheBoundAndStoresNothing() {
        LedgerPreview.Preview preview = new LedgerPreview(db, Set.of(Channel.EMAIL)).compare(policy, policy, DAY, 30);
        assertThat(preview.customers()).isEqualTo(3);
        assertThat(preview.items()).isEqualTo(5);
        assertThat(preview.bounded()).isFalse();
        assertThat(preview.draft()).isEqualTo(preview.live());
        // every customer has an item falling due in the period and an e-mail address: each gets an e-mail
        assertThat(preview.live().customersReached()).isEqualTo(3);
        assertThat(preview.sample()).hasSize(5).allSatisfy(s -> assertThat(s.customer()).startsWith("C"));
        assertThat(jdbc.queryForObject("select count(*) from notice", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from action", Long.class)).isZero();
    }

    @Test
    void stopsAtItsBoundAndSaysSo() {
        LedgerPreview.Preview preview = new LedgerPreview(db, Set.of(Channel.EMAIL), 2).compare(policy, policy, DAY, 7);
        assertThat(preview.customers()).isEqualTo(2);
        assertThat(preview.items()).isEqualTo(3);
        assertThat(preview.bounded()).isTrue();
        assertThat(preview.to()).isEqualTo(DAY.plusDays(6));
    }
}
