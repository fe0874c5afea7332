package io.recoup.routes.cycle;

import io.recoup.routes.FileInbox;
import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.routes.ingest.IngestReport;
import io.recoup.routes.match.MatchReport;
import io.recoup.routes.plan.PlanReport;
import io.recoup.routes.postback.PostReport;
import io.recoup.routes.receive.ImportReport;
import io.recoup.routes.dispatch.DispatchRoutes;
import io.recoup.routes.ingest.IngestRoutes;
import io.recoup.routes.match.MatchRoutes;
import io.recoup.routes.plan.PlanRoutes;
import io.recoup.routes.postback.PostBackRoutes;
import io.recoup.routes.receive.ReceiveRoutes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Runs one whole cycle for one day through the routes, in the order a collections team would want: take in new
 * ledger data and bank statements first, match and post what was paid, and only then plan and send reminders, so no
 * one is reminded of an invoice paid yesterday. Used by the demo, the timeline tests and the {@code run-day} job.
 */
public final class CycleRunner {
    private final ProducerTemplate producer;
    private final ConsumerTemplate consumer;

    public CycleRunner(CamelContext camel) {
        this.producer = camel.createProducerTemplate();
        this.consumer = camel.createConsumerTemplate();
    }

    /** Runs the stages once; {@code day} labels the report (the stages take the time from the application clock). */
    @SuppressWarnings("unchecked")
    public DayReport runDay(LocalDate day) {
        List<String> failed = new ArrayList<>();
        List<IngestReport> ingests = drain(CycleRoutes.LEDGER_INBOX_DRAIN, IngestRoutes.INGEST_LEDGER, IngestReport.class, failed);
        List<ImportReport> imports = drain(CycleRoutes.STATEMENTS_DRAIN, ReceiveRoutes.IMPORT_STATEMENT, ImportReport.class, failed);
        MatchReport match = producer.requestBody(MatchRoutes.MATCH, null, MatchReport.class);
        List<PostReport> posts = producer.requestBody(PostBackRoutes.POST_BACK, null, List.class);
        PlanReport plan = producer.requestBody(PlanRoutes.PLAN, null, PlanReport.class);
        DispatchReport dispatch = producer.requestBody(DispatchRoutes.DISPATCH, null, DispatchReport.class);
        return new DayReport(day, ingests, imports, match, posts, plan, dispatch, failed);
    }

    /** Takes every file waiting at {@code from}, one by one, through {@code to}; a failed file is moved aside with its reason. */
    private <T> List<T> drain(String from, String to, Class<T> type, List<String> failed) {
        List<T> results = new ArrayList<>();
        for (Exchange file = consumer.receiveNoWait(from); file != null; file = consumer.receiveNoWait(from)) {
            try {
                Exchange done = producer.send(to, file);
                if (done.getException() != null) {
                    FileInbox.recordFailure(done);
                    failed.add(file.getMessage().getHeader(Exchange.FILE_NAME, String.class) + ": " + done.getException().getMessage());
                } else {
                    results.add(done.getMessage().getBody(type));
                }
            } finally {
                consumer.doneUoW(file);
            }
        }
        return results;
    }
}
