package io.recoup.routes.match;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/** Stage 5, match: every new receipt against the open items, into allocations or the exceptions queue. */
public final class MatchRoutes extends RouteBuilder {
    public static final String MATCH = "direct:match";

    private final Reconciliation reconciliation;

    public MatchRoutes(Reconciliation reconciliation) {
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
    }

    @Override
    public void configure() {
        from(MATCH).routeId("cycle.match").routeConfigurationId(RouteErrors.ID)
                .bean(reconciliation, "matchNewReceipts");
    }
}
