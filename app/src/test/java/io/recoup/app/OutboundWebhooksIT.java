package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.recoup.core.webhook.WebhookSignature;
import io.recoup.routes.webhook.OutboundWebhookRoutes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Outbound webhooks on the running application: an admin subscribes a receiver (a real JDK HTTP server), the sample
 * days' events reach it signed with the secret shown once, a receiver that refuses parks its deliveries where the
 * API and the dashboard show them, and finance sends a parked one again.
 */
class OutboundWebhooksIT extends SignedInApi {
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;
    private HttpServer server;

    @Autowired
    CamelContext camel;
    @Autowired
    ObjectMapper json;

    record Received(Map<String, Object> event, byte[] body, String signature, String eventId) {}

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(json.readValue(body, Map.class), body, exchange.getRequestHeaders().getFirst("Recoup-Signature"),
                    exchange.getRequestHeaders().getFirst("Recoup-Event-Id")));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void unsubscribeEverything() {
        server.stop(0);
        // the application is shared with the other API tests: leave no subscription behind
        for (Map<String, Object> s : subscriptions()) {
            as("admin").delete("/api/webhook-subscriptions/" + s.get("id"));
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    private List<Map<String, Object>> subscriptions() {
        return (List<Map<String, Object>>) as("admin").getForObject("/api/webhook-subscriptions", Map.class).get("subscriptions");
    }

    private ResponseEntity<Map> subscribe(String user, List<String> events) {
        return as(user).postForEntity("/api/webhook-subscriptions", Map.of("url", url(), "events", events, "description", "ERP"), Map.class);
    }

    private void deliver() {
        camel.createProducerTemplate().sendBody(OutboundWebhookRoutes.DELIVER, null);
    }

    @Test
    void theSampleDaysEventsReachTheSubscriberSignedWithTheSecretShownOnce() {
        ResponseEntity<Map> made = subscribe("admin", List.of("exception.raised", "item.paid"));
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String secret = (String) made.getBody().get("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(subscriptions()).singleElement().satisfies(s -> assertThat(s).containsEntry("url", url())
                .containsEntry("events", List.of("exception.raised", "item.paid")).doesNotContainKey("secret"));
        assertThat(json.valueToTree(as("admin").getForObject("/api/webhook-subscriptions", Map.class)).toString()).doesNotContain(secret);
        assertThat(jdbc.queryForList("select after::text from audit_log where action = 'webhook.subscribe'", String.class))
                .anySatisfy(after -> assertThat(after).contains(url())).noneSatisfy(after -> assertThat(after).contains(secret));

        threeSampleDays();
        deliver();

        assertThat(received).extracting(r -> r.event().get("type")).contains("exception.raised", "item.paid")
                .containsOnly("exception.raised", "item.paid");
        assertThat(received).allSatisfy(r -> {
            assertThat(WebhookSignature.verifies(r.signature(), r.body(), secret.getBytes(StandardCharsets.UTF_8))).isTrue();
            assertThat(r.eventId()).isEqualTo(r.event().get("id"));
        });
        assertThat(received).filteredOn(r -> "exception.raised".equals(r.event().get("type"))).first()
                .satisfies(r -> assertThat((Map<String, Object>) r.event().get("data")).containsKeys("kind", "receipt", "reason"));
        int sent = received.size();
        deliver();
        assertThat(received).as("each event once").hasSize(sent);
    }

    @Test
    void aBrokenPromiseReachesItsSubscriber() {
        subscribe("admin", List.of("promise.broken"));
        threeSampleDays();
        assertThat(as("finance").postForEntity("/api/items/csv/1008/promises", Map.of("promisedFor", "2026-03-05", "amount", "150.00"),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START.plusDays(3), 10, false), null);
        deliver();

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.event()).containsEntry("type", "promise.broken");
            assertThat((Map<String, Object>) r.event().get("data")).containsEntry("items", "INV-2026-1008")
                    .satisfies(d -> assertThat((String) d.get("reason")).contains("broken"));
        });
    }

    @Test
    void aRefusingReceiverParksItsDeliveriesWhereTheApiAndDashboardShowThemAndFinanceSendsThemAgain() {
        answer = 410;
        long id = ((Number) ((Map<String, Object>) subscribe("admin", List.of("exception.raised")).getBody().get("subscription"))
                .get("id")).longValue();
        threeSampleDays();
        deliver();

        Map<String, Object> counts = (Map<String, Object>) as("viewer").getForObject("/api/dashboard", Map.class).get("webhookDeliveries");
        assertThat(((Number) counts.get("parked")).intValue()).isPositive();
        assertThat((List<Map<String, Object>>) as("viewer").getForObject("/api/dashboard", Map.class).get("parkedWebhookDeliveries"))
                .isNotEmpty().allSatisfy(d -> assertThat((String) d.get("reason")).startsWith("answered 410"));
        List<Map<String, Object>> parked = (List<Map<String, Object>>) as("viewer")
                .getForObject("/api/webhook-deliveries?status=parked&subscription=" + id, Map.class).get("deliveries");
        assertThat(parked).isNotEmpty().allSatisfy(d -> assertThat(d).containsEntry("status", "PARKED"));
        Object delivery = parked.get(0).get("id");

        assertThat(as("viewer").postForEntity("/api/webhook-deliveries/" + delivery + "/redeliver", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        answer = 200;
        assertThat(as("finance").postForEntity("/api/webhook-deliveries/" + delivery + "/redeliver", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        deliver();
        assertThat(received).extracting(r -> r.event().get("id")).filteredOn(e -> e.equals(parked.get(0).get("eventId"))).hasSize(2);
        assertThat(as("finance").postForEntity("/api/webhook-deliveries/" + delivery + "/redeliver", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("select actor from audit_log where action = 'webhook.redeliver'", String.class)).isEqualTo("finance");
    }

    @Test
    void onlyAnAdminManagesSubscriptionsAndAWrongOneIsRefusedByField() {
        assertThat(subscribe("finance", List.of("item.paid")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("viewer").getForEntity("/api/webhook-subscriptions", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> wrong = as("admin").postForEntity("/api/webhook-subscriptions",
                Map.of("url", "ftp://erp.example/x", "events", List.of("item.paid", "item.sent")), Map.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) wrong.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("url", "events[1]");

        long id = ((Number) ((Map<String, Object>) subscribe("admin", List.of("item.paid")).getBody().get("subscription")).get("id")).longValue();
        String first = (String) jdbc.queryForObject("select encode(secret, 'hex') from webhook_subscription where id = ?", String.class, id);
        ResponseEntity<Map> rotated = as("admin").postForEntity("/api/webhook-subscriptions/" + id + "/rotate-secret", null, Map.class);
        assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) rotated.getBody().get("secret")).startsWith("whsec_");
        assertThat((Map<String, Object>) rotated.getBody().get("subscription")).containsKey("previousSecretUntil");
        assertThat(jdbc.queryForObject("select encode(previous_secret, 'hex') from webhook_subscription where id = ?", String.class, id))
                .isEqualTo(first);

        assertThat(as("admin").exchange("/api/webhook-subscriptions/" + id, HttpMethod.DELETE, null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("admin").exchange("/api/webhook-subscriptions/" + id, HttpMethod.DELETE, null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
