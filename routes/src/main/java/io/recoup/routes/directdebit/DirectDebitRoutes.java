package io.recoup.routes.directdebit;

import io.recoup.routes.FileInbox;
import io.recoup.routes.RouteErrors;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * The direct-debit routes: a watcher on the pain.002 inbox, {@code direct:} routes calling each stage service as a
 * bean (so the watcher, the schedule and {@link DirectDebitRunner} run the same code), and a timer that settles and
 * collects with the same period as the collection cycle.
 */
public final class DirectDebitRoutes extends RouteBuilder {
    public static final String IMPORT_STATUS = "direct:sepa-import-status";
    public static final String SETTLE = "direct:sepa-settle";
    public static final String COLLECT = "direct:sepa-collect";

    private final DirectDebitStages stages;
    private final Path statusInbox;

    public DirectDebitRoutes(DirectDebitStages stages, Path statusInbox) {
        this.stages = Objects.requireNonNull(stages, "stages");
        this.statusInbox = Objects.requireNonNull(statusInbox, "statusInbox");
    }

    /** The pain.002 inbox as the watcher reads it: a file is taken once it stopped growing. */
    public static String statusInboxWatch(Path inbox) {
        return FileInbox.watch(inbox.toString(), "*.xml");
    }

    /** The same folder drained at once by a day run (the files are complete when it starts). */
    public static String statusInboxDrain(Path inbox) {
        return FileInbox.drain(inbox.toString(), "*.xml");
    }

    @Override
    public void configure() {
        from(statusInboxWatch(statusInbox)).routeId("sepa.watch-status").routeConfigurationId(RouteErrors.ID).autoStartup("{{recoup.watch-folders:true}}")
                .to(IMPORT_STATUS);
        from(IMPORT_STATUS).routeId("sepa.import-status").routeConfigurationId(RouteErrors.ID)
                .bean(stages.statusImport(), "importStatus(${header.CamelFileName}, ${body})");
        from(SETTLE).routeId("sepa.settle").routeConfigurationId(RouteErrors.ID).bean(stages.settlement(), "settleDue");
        from(COLLECT).routeId("sepa.collect").routeConfigurationId(RouteErrors.ID).bean(stages.collection(), "collect");

        from("timer:recoup-sepa?period={{recoup.cycle.period:60000}}").routeId("sepa.schedule").routeConfigurationId(RouteErrors.ID)
                .autoStartup("{{recoup.schedule.enabled:true}}")
                .to(SETTLE)
                .to(COLLECT);
    }
}
