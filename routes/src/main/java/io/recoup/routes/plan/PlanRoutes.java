package io.recoup.routes.plan;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/** Stage 2, plan: the dunning policy over every customer with open items, into the notice outbox. */
public final class PlanRoutes extends RouteBuilder {
    public static final String PLAN = "direct:plan";

    private final DunningPlanning planning;

    public PlanRoutes(DunningPlanning planning) {
        this.planning = Objects.requireNonNull(planning, "planning");
    }

    @Override
    public void configure() {
        from(PLAN).routeId("cycle.plan").routeConfigurationId(RouteErrors.ID)
                .bean(planning, "plan");
    }
}
