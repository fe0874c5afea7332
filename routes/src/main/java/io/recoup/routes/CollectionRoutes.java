package io.recoup.routes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of the collection cycle. Each stage is a {@code direct:} route calling its stage service as a bean, so
 * the folder watchers, the schedule and the day-by-day {@link CycleRunner} all run the same code.
 */
public final class CollectionRoutes extends RouteBuilder {
    private final Stages stages;
    private final Clock clock;
    private final ZoneId companyZone;

    public CollectionRoutes(Stages stages, Clock clock, ZoneId companyZone) {
        this.stages = stages;
        this.clock = clock;
        this.companyZone = companyZone;
    }

    @Override
    public void configure() {
        from(Endpoints.LEDGER_INBOX_WATCH).routeId("csv.watch-ledger-inbox").autoStartup("{{recoup.watch-folders:true}}")
                .to(Endpoints.INGEST_LEDGER);
        from(Endpoints.INGEST_LEDGER).routeId("csv.ingest-ledger")
                .bean(stages.ingestion(), "ingest(${header.CamelFileName}, ${body})");

        from(Endpoints.STATEMENTS_WATCH).routeId("camt.watch-statements").autoStartup("{{recoup.watch-folders:true}}")
                .to(Endpoints.IMPORT_STATEMENT)
                .to(Endpoints.MATCH);
        from(Endpoints.IMPORT_STATEMENT).routeId("camt.import-statement")
                .bean(stages.statements(), "importStatement(${header.CamelFileName}, ${body})");
        from(Endpoints.MATCH).routeId("cycle.match").bean(stages.reconciliation(), "matchNewReceipts");

        from(Endpoints.POST_BACK).routeId("csv.post-back").bean(stages.postBack(), "postPending");
        from(Endpoints.PLAN).routeId("cycle.plan").bean(stages.planning(), "plan(${body})");
        from(Endpoints.DISPATCH).routeId("cycle.dispatch").bean(stages.dispatch(), "dispatch(${body})");

        from("timer:recoup-cycle?period={{recoup.cycle.period:60000}}").routeId("cycle.schedule")
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .process(e -> e.getMessage().setBody(LocalDate.ofInstant(clock.instant(), companyZone)))
                .setProperty("today", body())
                .to(Endpoints.MATCH)
                .to(Endpoints.POST_BACK)
                .setBody(exchangeProperty("today"))
                .to(Endpoints.PLAN)
                .setBody(exchangeProperty("today"))
                .to(Endpoints.DISPATCH);
    }
}
