package io.recoup.routes.webhook;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * The outbound webhook worker on a timer ({@code recoup.outbound-webhooks.deliver-every}, default 2s), on every
 * instance: the outbox is shared with {@code FOR UPDATE SKIP LOCKED}, so no lead is needed. Each run sends up to
 * {@value #BATCH} due deliveries.
 */
public final class OutboundWebhookRoutes extends RouteBuilder {
    public static final String DELIVER = "direct:deliver-webhooks";
    static final int BATCH = 500;

    private final WebhookSender sender;

    public OutboundWebhookRoutes(WebhookSender sender) {
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    @Override
    public void configure() {
        from(DELIVER).routeId("webhooks.deliver").routeConfigurationId(RouteErrors.ID)
                .bean(sender, "deliverDue(" + BATCH + ")");
        from("timer:outbound-webhooks?period={{recoup.outbound-webhooks.deliver-every:2000}}").routeId("webhooks.deliver-schedule")
                .routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(DELIVER);
    }
}
