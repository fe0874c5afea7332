package io.recoup.routes.directdebit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Runs the direct-debit stages once for one day through the routes: status reports first (a reject must be known
 * before the presentation settles), then settlement, then collect. Meant to run after the day's bank statements were
 * imported, so returns are known too. Used by tests and day-by-day jobs.
 */
public final class DirectDebitRunner {
    private final ProducerTemplate producer;
    private final ConsumerTemplate consumer;
    private final String statusInbox;

    public DirectDebitRunner(CamelContext camel, Path statusInbox) {
        this.producer = camel.createProducerTemplate();
        this.consumer = camel.createConsumerTemplate();
        this.statusInbox = DirectDebitRoutes.statusInboxDrain(statusInbox);
    }

    /** {@code day} labels the report; the stages take the time from the application clock. */
    @SuppressWarnings("unchecked")
    public DirectDebitReports.Day runDay(LocalDate day) {
        List<String> failed = new ArrayList<>();
        List<DirectDebitReports.StatusImport> imports = new ArrayList<>();
        for (Exchange file = consumer.receiveNoWait(statusInbox); file != null; file = consumer.receiveNoWait(statusInbox)) {
            try {
                Exchange done = producer.send(DirectDebitRoutes.IMPORT_STATUS, file);
                if (done.getException() != null) {
                    failed.add(file.getMessage().getHeader(Exchange.FILE_NAME, String.class) + ": " + done.getException().getMessage());
                } else {
                    imports.add(done.getMessage().getBody(DirectDebitReports.StatusImport.class));
                }
            } finally {
                consumer.doneUoW(file);
            }
        }
        List<DirectDebitReports.Settled> settled = producer.requestBody(DirectDebitRoutes.SETTLE, null, List.class);
        DirectDebitReports.Collect collect = producer.requestBody(DirectDebitRoutes.COLLECT, null, DirectDebitReports.Collect.class);
        return new DirectDebitReports.Day(day, imports, settled, collect, failed);
    }
}
