package io.recoup.routes.cycle;

import io.recoup.core.dunning.DunningEngine;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.OpenItemSource;
import io.recoup.routes.ReturnedEntries;
import io.recoup.routes.dispatch.ReminderDispatch;
import io.recoup.routes.ingest.ApiSource;
import io.recoup.routes.ingest.LedgerIngestion;
import io.recoup.routes.ingest.ScheduledSync;
import io.recoup.routes.ingest.SourceSync;
import io.recoup.routes.match.Reconciliation;
import io.recoup.routes.plan.DunningPlanning;
import io.recoup.routes.plan.ParallelDecider;
import io.recoup.routes.postback.LedgerPostBack;
import io.recoup.routes.receive.CreditReturns;
import io.recoup.routes.receive.StatementImport;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.dispatch.NoticeRepository;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.plan.CustomerCaseReader;
import io.recoup.store.receipt.ReceiptRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The stage services of one Recoup instance, handed to the routes together. */
public record Stages(LedgerIngestion ingestion, List<ScheduledSync> syncs, StatementImport statements,
                     Reconciliation reconciliation, LedgerPostBack postBack, DunningPlanning planning, ReminderDispatch dispatch) {

    public static Stages of(Database db, Clock clock, OpenItemSource source, Path rejectedFolder, LedgerPoster poster,
                            Supplier<DunningEngine> policy, ReminderDispatch dispatch, ReturnedEntries returns) {
        return of(db, clock, source, true, rejectedFolder, poster, List.of(), policy, dispatch, returns);
    }

    /**
     * Every stage over one database, the way the application and the route tests put them together: the ledger's
     * source and poster, where refused ledger records are reported, the policy in force, the dispatcher, and where
     * returned direct debits found on statements go ({@link ReturnedEntries#NONE} when direct debit is off).
     */
    public static Stages of(Database db, Clock clock, OpenItemSource source, boolean fullExport, Path rejectedFolder,
                            LedgerPoster poster, List<ApiSource> apiSources, Supplier<DunningEngine> policy,
                            ReminderDispatch dispatch, ReturnedEntries returns) {
        LedgerRepository ledger = new LedgerRepository(db);
        ReceiptRepository receipts = new ReceiptRepository(db);
        EventLog events = new EventLog(db);
        return new Stages(
                new LedgerIngestion(source, db, ledger, events, rejectedFolder, fullExport),
                apiSources.stream().map(a -> new ScheduledSync(new SourceSync(a.feed(), db, ledger, events, clock, a.overlap(),
                        a.fullEvery()), a.every())).toList(),
                new StatementImport(db, receipts, ledger, new CreditReturns(receipts, ledger, events), returns),
                new Reconciliation(db, receipts, ledger, events),
                new LedgerPostBack(db, receipts, posters(source, poster, apiSources), events),
                new DunningPlanning(policy, db, new ParallelDecider(new CustomerCaseReader(db)), new NoticeRepository(db), events, clock),
                dispatch);
    }

    private static Map<String, LedgerPoster> posters(OpenItemSource source, LedgerPoster poster, List<ApiSource> apiSources) {
        Map<String, LedgerPoster> posters = new HashMap<>();
        posters.put(source.sourceName(), poster);
        for (ApiSource api : apiSources) {
            if (posters.put(api.name(), api.poster()) != null) {
                throw new IllegalArgumentException("two sources are named " + api.name() + ": items are keyed by the name");
            }
        }
        return posters;
    }
}
