package io.recoup.routes.ingest;

import io.recoup.routes.RouteErrors;
import io.recoup.routes.Singletons;
import java.util.List;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * Stage 1, ingest: one ledger export (the message body, named by its file name) into open items and quarantine; and
 * for each source read over an API, a timer that syncs it ({@code source.<name>.sync}; off with
 * {@code recoup.schedule.enabled=false}, as the cycle's timer).
 */
public final class IngestRoutes extends RouteBuilder {
    public static final String INGEST_LEDGER = "direct:ingest-ledger";

    private final LedgerIngestion ingestion;
    private final List<ScheduledSync> syncs;
    private final Singletons singletons;

    public IngestRoutes(LedgerIngestion ingestion, List<ScheduledSync> syncs) {
        this(ingestion, syncs, Singletons.NONE);
    }

    /** With {@code singletons} saying whether each source's sync runs on the leader of its namespace only. */
    public IngestRoutes(LedgerIngestion ingestion, List<ScheduledSync> syncs, Singletons singletons) {
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
        this.syncs = List.copyOf(syncs);
        this.singletons = Objects.requireNonNull(singletons, "singletons");
    }

    @Override
    public void configure() {
        from(INGEST_LEDGER).routeId("csv.ingest-ledger").routeConfigurationId(RouteErrors.ID)
                .bean(ingestion, "ingest(${header.CamelFileName}, ${body})");
        for (ScheduledSync scheduled : syncs) {
            String timer = "timer:source-" + scheduled.sync().source() + "?delay=5000&period=" + scheduled.every().toMillis();
            from(singletons.from("recoup-source-" + scheduled.sync().source().toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-"), timer))
                    .routeId("source." + scheduled.sync().source() + ".sync").routeConfigurationId(RouteErrors.ID)
                    .autoStartup("{{recoup.schedule.enabled:true}}")
                    .bean(scheduled.sync(), "sync()");
        }
    }
}
