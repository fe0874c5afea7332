package io.recoup.app.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * How long each stage of the cycle takes as the scheduled routes run it: {@code recoup.stage.duration} with the tag
 * {@code stage} (plan, match, dispatch, post-back), from Camel's events for each call of the stage's endpoint.
 */
public final class StageTimer extends EventNotifierSupport {
    private static final Map<String, String> STAGES = Map.of("direct://plan", "plan", "direct://match", "match",
            "direct://dispatch", "dispatch", "direct://post-back", "post-back");

    private final MeterRegistry registry;

    public StageTimer(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        // Camel measures the time of a send only when a notifier also takes the sending event
        return event instanceof CamelEvent.ExchangeSendingEvent || event instanceof CamelEvent.ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sent) {
            String stage = STAGES.get(sent.getEndpoint().getEndpointUri());
            if (stage != null) {
                Timer.builder("recoup.stage.duration").description("how long a run of the cycle's stage took").tag("stage", stage)
                        .tag("result", sent.getExchange().isFailed() ? "failed" : "ok").register(registry)
                        .record(java.time.Duration.ofMillis(sent.getTimeTaken()));
            }
        }
    }
}
