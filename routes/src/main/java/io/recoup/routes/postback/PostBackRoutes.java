package io.recoup.routes.postback;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/** Stage 6, post back: every pending allocation applied in the source ledger, exactly once. */
public final class PostBackRoutes extends RouteBuilder {
    public static final String POST_BACK = "direct:post-back";

    private final LedgerPostBack postBack;

    public PostBackRoutes(LedgerPostBack postBack) {
        this.postBack = Objects.requireNonNull(postBack, "postBack");
    }

    @Override
    public void configure() {
        from(POST_BACK).routeId("csv.post-back").routeConfigurationId(RouteErrors.ID)
                .bean(postBack, "postPending");
    }
}
