package io.recoup.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class StageTimerTest {

    @Test
    void timesEachRunOfAStageByItsNameAndResult() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getManagementStrategy().addEventNotifier(new StageTimer(registry));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:plan").setBody(constant("planned"));
                    from("direct:dispatch").throwException(new IllegalStateException("the channel is down"));
                    from("direct:elsewhere").setBody(constant("not a stage"));
                }
            });
            camel.start();
            var producer = camel.createProducerTemplate();
            producer.requestBody("direct:plan", "");
            producer.requestBody("direct:plan", "");
            producer.send("direct:dispatch", e -> e.getMessage().setBody(""));
            producer.requestBody("direct:elsewhere", "");
        }
        assertThat(registry.get("recoup.stage.duration").tags("stage", "plan", "result", "ok").timer().count()).isEqualTo(2);
        assertThat(registry.get("recoup.stage.duration").tags("stage", "dispatch", "result", "failed").timer().count()).isEqualTo(1);
        assertThat(registry.find("recoup.stage.duration").timers()).hasSize(2);
    }
}
