package io.recoup.routes.receive;

import io.recoup.routes.RouteErrors;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/** Stage 4, receive: one bank statement (camt.053/054, the message body) into receipts. */
public final class ReceiveRoutes extends RouteBuilder {
    public static final String IMPORT_STATEMENT = "direct:import-statement";

    private final StatementImport statements;

    public ReceiveRoutes(StatementImport statements) {
        this.statements = Objects.requireNonNull(statements, "statements");
    }

    @Override
    public void configure() {
        from(IMPORT_STATEMENT).routeId("camt.import-statement").routeConfigurationId(RouteErrors.ID)
                .bean(statements, "importStatement(${header.CamelFileName}, ${body})");
    }
}
