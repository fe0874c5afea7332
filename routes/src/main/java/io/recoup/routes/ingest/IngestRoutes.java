package io.recoup.routes.ingest;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/** Stage 1, ingest: one ledger export (the message body, named by its file name) into open items and quarantine. */
public final class IngestRoutes extends RouteBuilder {
    public static final String INGEST_LEDGER = "direct:ingest-ledger";

    private final LedgerIngestion ingestion;

    public IngestRoutes(LedgerIngestion ingestion) {
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
    }

    @Override
    public void configure() {
        from(INGEST_LEDGER).routeId("csv.ingest-ledger").routeConfigurationId(RouteErrors.ID)
                .bean(ingestion, "ingest(${header.CamelFileName}, ${body})");
    }
}
