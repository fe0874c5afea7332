package io.recoup.routes.cycle;

import io.recoup.routes.FileInbox;
import io.recoup.routes.RouteErrors;
import io.recoup.routes.Singletons;
import io.recoup.routes.dispatch.DispatchRoutes;
import io.recoup.routes.ingest.IngestRoutes;
import io.recoup.routes.match.MatchRoutes;
import io.recoup.routes.plan.PlanRoutes;
import io.recoup.routes.postback.PostBackRoutes;
import io.recoup.routes.receive.ReceiveRoutes;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * What drives the stages in {@code serve}: a watcher on each inbox folder (a file that fails goes to {@code .failed}
 * with a {@code .reason} beside it), a timer that runs match, post back and plan in that order, and a timer of its own
 * for dispatch, so sending never waits behind a planner that is slow, stalled or frozen on another instance. The
 * stages themselves are {@code direct:} routes in their own packages, so the watchers, the timers and the day-by-day
 * {@link CycleRunner} all run the same code.
 */
public final class CycleRoutes extends RouteBuilder {
    /** Ledger exports dropped by the ERP or a person; the watcher waits until a file stops growing. */
    public static final String LEDGER_INBOX_WATCH = FileInbox.watch("{{recoup.ledger.inbox}}", "*.csv");
    /** The same folder, drained at once by a cycle run. */
    public static final String LEDGER_INBOX_DRAIN = FileInbox.drain("{{recoup.ledger.inbox}}", "*.csv");
    public static final String STATEMENTS_WATCH = FileInbox.watch("{{recoup.statements.inbox}}", "*.xml");
    public static final String STATEMENTS_DRAIN = FileInbox.drain("{{recoup.statements.inbox}}", "*.xml");

    private final Stages stages;
    private final Singletons singletons;

    public CycleRoutes(Stages stages) {
        this(stages, Singletons.NONE);
    }

    /**
     * With {@code singletons} saying whether the watchers, the cycle's timer and the ledger syncs run on the leader
     * only; dispatch runs on every instance, which share the outbox with {@code SKIP LOCKED}.
     */
    public CycleRoutes(Stages stages, Singletons singletons) {
        this.stages = stages;
        this.singletons = singletons;
    }

    /** Adds the shared error handling, each stage's own routes, then the drivers below. */
    @Override
    public void addRoutesToCamelContext(CamelContext context) throws Exception {
        new RouteErrors().addRouteConfigurationsToCamelContext(context);
        for (RouteBuilder stage : List.of(new IngestRoutes(stages.ingestion(), stages.syncs(), singletons), new ReceiveRoutes(stages.statements()),
                new MatchRoutes(stages.reconciliation()), new PostBackRoutes(stages.postBack()),
                new PlanRoutes(stages.planning()), new DispatchRoutes(stages.dispatch()))) {
            stage.addRoutesToCamelContext(context);
        }
        super.addRoutesToCamelContext(context);
    }

    @Override
    public void configure() {
        from(singletons.from("recoup-ledger-inbox", LEDGER_INBOX_WATCH)).routeId("csv.watch-ledger-inbox").routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.watch-folders:true}}")
                .onCompletion().onFailureOnly().process(FileInbox::recordFailure).end()
                .to(IngestRoutes.INGEST_LEDGER);
        from(singletons.from("recoup-statements-inbox", STATEMENTS_WATCH)).routeId("camt.watch-statements").routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.watch-folders:true}}")
                .onCompletion().onFailureOnly().process(FileInbox::recordFailure).end()
                .to(ReceiveRoutes.IMPORT_STATEMENT)
                // matched beside the file, not as part of it: once imported the statement is done, and matching failing
                // now (another instance's work in the way, the database gone) is for the next cycle to take up again
                .wireTap(MatchRoutes.MATCH);
        from(singletons.from("recoup-cycle", "timer:recoup-cycle?period={{recoup.cycle.period:60000}}")).routeId("cycle.schedule")
                .routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(MatchRoutes.MATCH)
                .to(PostBackRoutes.POST_BACK)
                .to(PlanRoutes.PLAN);
        from("timer:recoup-dispatch?period={{recoup.dispatch.period:60000}}")
                .routeId("cycle.dispatch-schedule").routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(DispatchRoutes.DISPATCH);
    }
}
