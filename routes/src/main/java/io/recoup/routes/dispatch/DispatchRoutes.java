package io.recoup.routes.dispatch;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/** Stage 3, dispatch: every due notice in the outbox carried out on its channel. */
public final class DispatchRoutes extends RouteBuilder {
    public static final String DISPATCH = "direct:dispatch";

    private final ReminderDispatch dispatch;

    public DispatchRoutes(ReminderDispatch dispatch) {
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
    }

    @Override
    public void configure() {
        from(DISPATCH).routeId("cycle.dispatch").routeConfigurationId(RouteErrors.ID)
                .bean(dispatch, "dispatch");
    }
}
