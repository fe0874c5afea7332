package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.routes.cycle.Stages;
import io.recoup.routes.receive.ProviderEventRoutes;
import io.recoup.store.TemporaryFolders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Stripe's webhook against the running application: deliveries signed with a test secret (as Stripe signs them) are
 * stored once per event id and answered 200; forged, stale, unsigned and malformed ones are refused with no detail and
 * change nothing; the endpoint needs no login while the admin API still does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests",
                "recoup.payments.stripe.webhook-secrets[0]=" + StripeWebhookIT.SECRET,
                "recoup.payments.stripe.webhook-secrets[1]=whsec_test_rolled_out"})
class StripeWebhookIT {
    static final String SECRET = "whsec_test_webhook_it";
    private static final Path HOME = TemporaryFolders.create("recoup-stripe-webhook-it");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoJob demo;
    @Autowired
    Stages stages;
    @Autowired
    CamelContext camel;
    @Autowired
    SettableClock clock;
    @Autowired
    FilterChainProxy security;

    @BeforeEach
    void noEvents() {
        jdbc.update("delete from provider_event");
    }

    static String event(String id, String type) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":1780000000,"
                + "\"data\":{\"object\":{\"id\":\"cs_test_1\",\"object\":\"checkout.session\"}}}";
    }

    private HttpStatusCode deliver(String signature, String body) {
        var response = post(signature, body);
        if (!response.getStatusCode().is2xxSuccessful()) {
            assertThat(response.getBody()).as("a refusal says nothing").isNullOrEmpty();
        }
        return response.getStatusCode();
    }

    private ResponseEntity<String> post(String signature, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("Stripe-Signature", signature);
        }
        return http.postForEntity("/webhooks/stripe", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    /** Now on the application's clock (the demo moves it), which the signature's age is measured against. */
    private long now() {
        return clock.instant().getEpochSecond();
    }

    private long stored() {
        return jdbc.queryForObject("select count(*) from provider_event", Long.class);
    }

    @Test
    void storesASignedEventOnceHoweverOftenItIsDelivered() {
        String body = event("evt_once", "checkout.session.completed");

        assertThat(deliver(StripeTestKit.signature(SECRET, now(), body), body)).isEqualTo(HttpStatus.OK);
        assertThat(deliver(StripeTestKit.signature(SECRET, now(), body), body)).isEqualTo(HttpStatus.OK);

        assertThat(jdbc.queryForList("select provider || ' ' || event_id || ' ' || event_type || ' ' || status from provider_event",
                String.class)).containsExactly("stripe evt_once checkout.session.completed NEW");
        assertThat(jdbc.queryForObject("select payload from provider_event", byte[].class))
                .isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesForgedStaleUnsignedAndMalformedDeliveriesAndStoresNothing() {
        String body = event("evt_refused", "charge.refunded");
        String tampered = body.replace("charge.refunded", "checkout.session.completed");

        assertThat(deliver(StripeTestKit.signature("whsec_forged", now(), body), body)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deliver(StripeTestKit.signature(SECRET, now(), body), tampered)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deliver(StripeTestKit.signature(SECRET, now() - 600, body), body)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deliver(null, body)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(deliver("t=" + now(), body)).isEqualTo(HttpStatus.BAD_REQUEST);
        String notAnEvent = "{\"id\":\"cs_test_1\"}";
        assertThat(deliver(StripeTestKit.signature(SECRET, now(), notAnEvent), notAnEvent)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(deliver(StripeTestKit.signature(SECRET, now(), "not json"), "not json")).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(stored()).isZero();
    }

    @Test
    void acceptsTheSecondSecretDuringARotation() {
        String body = event("evt_rolled", "charge.refunded");

        assertThat(deliver(StripeTestKit.signature("whsec_test_rolled_out", now(), body), body)).isEqualTo(HttpStatus.OK);
        assertThat(stored()).isOne();
    }

    @Test
    void isOpenWithoutALoginWhileTheAdminApiIsNotAndAnUnconfiguredProviderIsNotFound() {
        String body = event("evt_open", "charge.refunded");

        assertThat(http.postForEntity("/webhooks/gocardless", new HttpEntity<>(body), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/exceptions", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/webhooks/stripe/../../api/exceptions", new HttpEntity<>(body), String.class)
                .getStatusCode().is2xxSuccessful()).isFalse();
    }

    @Test
    void theWebhooksPassOnlyTheFiltersASignedMachineCallNeedsAndKeepNoSessionWhileThePaymentLinksChainIsAsBefore() {
        List<String> webhooks = security.getFilters("/webhooks/stripe").stream().map(f -> f.getClass().getSimpleName()).toList();
        List<String> links = security.getFilters("/pay/some-token").stream().map(f -> f.getClass().getSimpleName()).toList();

        assertThat(webhooks).contains("HeaderWriterFilter", "AuthorizationFilter").doesNotContain("SecurityContextHolderFilter",
                "RequestCacheAwareFilter", "AnonymousAuthenticationFilter", "LogoutFilter", "SecurityContextHolderAwareRequestFilter",
                "ExceptionTranslationFilter", "DisableEncodeUrlFilter", "CsrfFilter");
        assertThat(links).contains("SecurityContextHolderFilter", "AnonymousAuthenticationFilter", "AuthorizationFilter");
        String body = event("evt_stateless", "charge.refunded");
        ResponseEntity<String> answer = post(StripeTestKit.signature(SECRET, now(), body), body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().get(HttpHeaders.SET_COOKIE)).as("no session").isNull();
        assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aPaidCheckoutPaysTheItemItNamesAndIsPostedBackOnceHoweverOftenItsEventsCome() {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 1, true), null);
        Map<String, Object> item = jdbc.queryForMap("select id, external_id, open_amount, currency from open_item "
                + "where status = 'OPEN' and open_amount > 0 order by id limit 1");
        BigDecimal open = (BigDecimal) item.get("open_amount");
        long minor = open.movePointRight(2).longValueExact();
        String session = "{\"id\":\"cs_test_full\",\"object\":\"checkout.session\",\"payment_status\":\"paid\","
                + "\"payment_intent\":\"pi_full_cycle\",\"currency\":\"" + ((String) item.get("currency")).trim().toLowerCase()
                + "\",\"amount_total\":" + minor + ",\"metadata\":{\"recoup_notice\":\"1\",\"recoup_item_1\":\"csv|"
                + item.get("external_id") + "|" + open.toPlainString() + "\"}}";
        String completed = "{\"id\":\"evt_full_1\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
                + "\"created\":1780000000,\"data\":{\"object\":" + session + "}}";
        String succeeded = completed.replace("evt_full_1", "evt_full_2").replace("checkout.session.completed",
                "checkout.session.async_payment_succeeded");

        assertThat(deliver(StripeTestKit.signature(SECRET, now(), completed), completed)).isEqualTo(HttpStatus.OK);
        assertThat(deliver(StripeTestKit.signature(SECRET, now(), succeeded), succeeded)).isEqualTo(HttpStatus.OK);
        assertThat(deliver(StripeTestKit.signature(SECRET, now(), completed), completed)).isEqualTo(HttpStatus.OK);
        camel.createProducerTemplate().sendBody(ProviderEventRoutes.PROCESS, null);

        assertThat(jdbc.queryForObject("select status from open_item where id = ?", String.class, item.get("id"))).isEqualTo("PAID");
        assertThat(jdbc.queryForList("select status from receipt where provider = 'stripe'", String.class)).containsExactly("MATCHED");
        assertThat(stages.postBack().postPending()).singleElement().satisfies(p -> assertThat(p.documentNumbers()).hasSize(1));
        assertThat(stages.postBack().postPending()).allSatisfy(p -> assertThat(p.documentNumbers()).isEmpty());
        assertThat(jdbc.queryForList("select status from provider_event order by event_id", String.class))
                .containsExactly("HANDLED", "HANDLED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPaidEventThatCannotBeReadIsParkedAndShownOnTheDashboardWhileTheNextIsHandled() {
        String broken = "{\"id\":\"evt_broken\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"created\":1,"
                + "\"data\":{\"object\":{\"id\":\"cs_b\",\"payment_status\":\"paid\",\"metadata\":{\"recoup_notice\":\"9\"}}}}";
        String other = event("evt_after_broken", "customer.created");
        deliver(StripeTestKit.signature(SECRET, now(), broken), broken);
        deliver(StripeTestKit.signature(SECRET, now(), other), other);

        camel.createProducerTemplate().sendBody(ProviderEventRoutes.PROCESS, null);

        assertThat(jdbc.queryForObject("select status from provider_event where event_id = 'evt_after_broken'", String.class))
                .isEqualTo("HANDLED");
        List<Map<String, Object>> parked = (List<Map<String, Object>>) http.withBasicAuth("admin", "s3cret-for-tests")
                .getForObject("/api/dashboard", Map.class).get("parkedProviderEvents");
        assertThat(parked).singleElement().satisfies(e -> {
            assertThat(e.get("event_id")).isEqualTo("evt_broken");
            assertThat((String) e.get("reason")).startsWith("INVALID_PROVIDER_EVENT").contains("no currency or amount_total");
        });
    }

    @Test
    void storesEachOfManyEventsOnceWhenDeliveredShuffledWithDuplicatesFromEightSenders() throws Exception {
        int unique = 1400;
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < unique; i++) {
            deliveries.add(event("evt_many_" + i, "checkout.session.completed"));
            if (i % 10 < 3) {
                deliveries.add(event("evt_many_" + i, "checkout.session.completed"));
            }
        }
        Collections.shuffle(deliveries, new java.util.Random(13));
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpStatusCode>> answers = new ArrayList<>();
            for (String body : deliveries) {
                answers.add(senders.submit(() -> deliver(StripeTestKit.signature(SECRET, now(), body), body)));
            }
            for (Future<HttpStatusCode> answer : answers) {
                assertThat(answer.get()).isEqualTo(HttpStatus.OK);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(deliveries).hasSize(1820);
        assertThat(stored()).isEqualTo(unique);
    }
}
