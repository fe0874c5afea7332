package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.routes.plan.DunningPlanning;
import io.recoup.routes.plan.PlanReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan that fills the outbox with many notices has PostgreSQL analyse it at once, so that dispatch, which starts
 * right after, is not planned on statistics that knew the outbox empty; a small plan leaves that to PostgreSQL.
 */
class OutboxStatisticsIT {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path home;
    CycleFixture recoup;

    @AfterEach
    void stop() {
        recoup.close();
    }

    @Test
    void aLargePlanRefreshesTheOutboxStatisticsASmallOneDoesNot() {
        recoup = new CycleFixture(home, DAY, 2525);

        PlanReport small = plan(3);
        assertThat(small.planned()).hasSize(3);
        assertThat(lastAnalysed()).containsEntry("notice", false).containsEntry("action", false);

        PlanReport large = plan(3 + DunningPlanning.REFRESH_STATISTICS_AFTER);
        assertThat(large.planned()).hasSize(DunningPlanning.REFRESH_STATISTICS_AFTER);
        assertThat(lastAnalysed()).containsEntry("notice", true).containsEntry("action", true);
        // what the analysis found: the rows of both plans, none of them dispatched yet
        assertThat(recoup.jdbc.queryForObject("select reltuples::bigint from pg_class where relname = 'action'", Long.class))
                .isEqualTo(3L + DunningPlanning.REFRESH_STATISTICS_AFTER);
    }

    /** Ingests invoices 1 to {@code last} (the ledger's full export), due on the day, each its own customer, and plans. */
    private PlanReport plan(int last) {
        StringBuilder csv = new StringBuilder("invoice_id,invoice_number,customer_id,customer_name,email,language,issue_date,"
                + "due_date,currency,amount\n");
        for (int i = 1; i <= last; i++) {
            csv.append(i).append(",INV-").append(i).append(",C").append(i).append(",Customer ").append(i).append(",ap")
                    .append(i).append("@customer.example,en,").append(DAY.minusDays(30)).append(',').append(DAY).append(",EUR,100.00\n");
        }
        recoup.stages.ingestion().ingest("ledger-" + last + ".csv",
                new ByteArrayInputStream((csv.toString()).getBytes(StandardCharsets.UTF_8)));
        return recoup.stages.planning().plan();
    }

    private Map<String, Boolean> lastAnalysed() {
        return Map.of("notice", analysed("notice"), "action", analysed("action"));
    }

    private boolean analysed(String table) {
        return recoup.jdbc.queryForObject("select last_analyze is not null from pg_stat_user_tables where relname = ?",
                Boolean.class, table);
    }
}
