package io.recoup.routes.directdebit;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collect stage: take due items into direct debit, write the pain.008 of the presentations whose submission day
 * has come, put stored files into the outbox folder, and send the pre-notifications still owed. Running it twice on
 * one day does nothing the second time: every step works only on rows the first run has moved on.
 */
public final class DirectDebitCollection {
    private static final Logger LOG = LoggerFactory.getLogger(DirectDebitCollection.class);

    private final CollectionPicking picking;
    private final Pain008Submission submission;
    private final Pain008Outbox outbox;
    private final PreNotifying notifying;

    DirectDebitCollection(CollectionPicking picking, Pain008Submission submission, Pain008Outbox outbox, PreNotifying notifying) {
        this.picking = picking;
        this.submission = submission;
        this.outbox = outbox;
        this.notifying = notifying;
    }

    public DirectDebitReports.Collect collect() {
        List<DirectDebitReports.Picked> picked = picking.pick();
        Pain008Submission.Outcome submitted = submission.submit();
        outbox.deliver();
        // after submission, so a presentation that missed its day is notified again with its new date in this run
        List<DirectDebitReports.Notified> notified = notifying.notifyPlanned();
        List<String> withdrawn = new ArrayList<>(submitted.withdrawn());
        notified.stream().filter(n -> n.status().equals("CANCELLED")).forEach(n -> withdrawn.add(n.endToEndId() + ": " + n.outcome()));
        DirectDebitReports.Collect report = new DirectDebitReports.Collect(picked, notified, submitted.files(), withdrawn,
                submitted.refused());
        if (!picked.isEmpty() || !notified.isEmpty() || !submitted.files().isEmpty() || !withdrawn.isEmpty()) {
            LOG.info("direct debit: {} item(s) taken in, {} pre-notification(s), {} file(s), {} withdrawn", picked.size(),
                    notified.size(), submitted.files().size(), withdrawn.size());
        }
        return report;
    }
}
