package io.recoup.routes.directdebit;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * Collecting through payment providers against their mandates ({@link ProviderCollecting}) as a {@code direct:} route,
 * run by a timer with the period of the collection cycle, beside the own pain.008 run.
 */
public final class ProviderCollectionRoutes extends RouteBuilder {
    public static final String COLLECT = "direct:provider-collect";

    private final ProviderCollecting collecting;

    public ProviderCollectionRoutes(ProviderCollecting collecting) {
        this.collecting = Objects.requireNonNull(collecting, "collecting");
    }

    @Override
    public void configure() {
        from(COLLECT).routeId("payments.collect").routeConfigurationId(RouteErrors.ID).bean(collecting, "collect");
        from("timer:recoup-provider-collect?period={{recoup.cycle.period:60000}}").routeId("payments.collect-schedule")
                .routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(COLLECT);
    }
}
