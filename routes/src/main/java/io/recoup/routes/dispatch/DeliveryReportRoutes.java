package io.recoup.routes.dispatch;

import io.recoup.core.port.DeliveryReports;
import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounce mailbox read on a timer ({@code recoup.channels.bounces.poll-every}, default 60 s): each bounce of ours goes
 * to {@link DeliveryFeedback}, so a hard bounce fails its notice and the next planning run takes the next channel.
 */
public final class DeliveryReportRoutes extends RouteBuilder {
    public static final String POLL = "direct:poll-delivery-reports";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReportRoutes.class);

    private final DeliveryReports reports;
    private final DeliveryFeedback feedback;

    public DeliveryReportRoutes(DeliveryReports reports, DeliveryFeedback feedback) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
    }

    /** Reads the mailbox once; what it read, every message accounted for. */
    public DeliveryReports.Scan poll() {
        DeliveryReports.Scan scan = reports.poll(found -> {
            if (!found.isEmpty()) {
                LOG.info("bounces: {}", feedback.apply(found));
            }
        });
        if (scan.read() > 0) {
            LOG.info("bounce mailbox: {} message(s) read, {} bounce(s) of ours, {} ignored {}", scan.read(), scan.reports(),
                    scan.ignored().size(), scan.ignored());
        }
        return scan;
    }

    @Override
    public void configure() {
        from(POLL).routeId("mail.read-bounces").routeConfigurationId(RouteErrors.ID).bean(this, "poll");
        from("timer:recoup-bounces?period={{recoup.channels.bounces.poll-every:60000}}").routeId("mail.read-bounces-schedule")
                .routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(POLL);
    }
}
