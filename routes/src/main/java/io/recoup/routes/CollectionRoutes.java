package io.recoup.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of the collection cycle. Each stage is a {@code direct:} route calling its stage service as a bean, so
 * the folder watchers, the schedule and the day-by-day {@link CycleRunner} all run the same code.
 */
public final class CollectionRoutes extends RouteBuilder {
    private final Stages stages;

    public CollectionRoutes(Stages stages) {
        this.stages = stages;
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
        from(Endpoints.PLAN).routeId("cycle.plan").bean(stages.planning(), "plan");
        from(Endpoints.DISPATCH).routeId("cycle.dispatch").bean(stages.dispatch(), "dispatch");

        from("timer:recoup-cycle?period={{recoup.cycle.period:60000}}").routeId("cycle.schedule")
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(Endpoints.MATCH)
                .to(Endpoints.POST_BACK)
                .to(Endpoints.PLAN)
                .to(Endpoints.DISPATCH);
    }
}
