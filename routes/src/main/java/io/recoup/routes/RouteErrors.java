package io.recoup.routes;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The error handling every Recoup route shares (each route names it with {@code routeConfigurationId}). A failed unit
 * of work is logged once with its route and exception (no message history), and the failure goes back to the caller: a file consumer then moves
 * the file to {@code .failed}, the day runner records it, the timer tries again at its next tick. Stage services
 * decide themselves what is worth retrying; nothing is redelivered here.
 */
public final class RouteErrors extends RouteConfigurationBuilder {
    public static final String ID = "recoup-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class).handled(false).maximumRedeliveries(0)
                .logExhausted(true).logExhaustedMessageHistory(false).logRetryAttempted(false);
    }
}
