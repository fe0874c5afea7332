package io.recoup.routes.receive;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * The webhook queue's worker on a timer ({@code recoup.payments.process-every}, default 2s): each run handles what
 * waits, up to {@value #BATCH} events. The webhook endpoint only stores; this is where events take effect. Beside it the
 * catch-up, at start and every {@code recoup.payments.catch-up-every} (default 15 min), stores what the webhooks missed.
 */
public final class ProviderEventRoutes extends RouteBuilder {
    public static final String PROCESS = "direct:process-provider-events";
    static final int BATCH = 1000;

    public static final String CATCH_UP = "direct:catch-up-provider-events";

    private final ProviderEventProcessing processing;
    private final ProviderEventCatchUp catchUp;

    public ProviderEventRoutes(ProviderEventProcessing processing, ProviderEventCatchUp catchUp) {
        this.processing = Objects.requireNonNull(processing, "processing");
        this.catchUp = Objects.requireNonNull(catchUp, "catchUp");
    }

    @Override
    public void configure() {
        from(PROCESS).routeId("payments.process-events").routeConfigurationId(RouteErrors.ID)
                .bean(processing, "processWaiting(" + BATCH + ")");
        from("timer:provider-events?period={{recoup.payments.process-every:2000}}").routeId("payments.process-events-schedule")
                .routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(PROCESS);
        from(CATCH_UP).routeId("payments.catch-up").routeConfigurationId(RouteErrors.ID)
                .bean(catchUp, "catchUp");
        // at once on start, then on its own timer
        from("timer:provider-catch-up?delay=0&period={{recoup.payments.catch-up-every:900000}}").routeId("payments.catch-up-schedule")
                .routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(CATCH_UP);
    }
}
