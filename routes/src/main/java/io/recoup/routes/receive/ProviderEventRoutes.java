package io.recoup.routes.receive;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * The webhook queue's worker on a timer ({@code recoup.payments.process-every}, default 2s): each run handles what
 * waits, up to {@value #BATCH} events. The webhook endpoint only stores; this is where events take effect.
 */
public final class ProviderEventRoutes extends RouteBuilder {
    public static final String PROCESS = "direct:process-provider-events";
    static final int BATCH = 1000;

    private final ProviderEventProcessing processing;

    public ProviderEventRoutes(ProviderEventProcessing processing) {
        this.processing = Objects.requireNonNull(processing, "processing");
    }

    @Override
    public void configure() {
        from(PROCESS).routeId("payments.process-events").routeConfigurationId(RouteErrors.ID)
                .bean(processing, "processWaiting(" + BATCH + ")");
        from("timer:provider-events?period={{recoup.payments.process-every:2000}}").routeId("payments.process-events-schedule")
                .routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(PROCESS);
    }
}
