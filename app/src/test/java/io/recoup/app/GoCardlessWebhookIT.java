package io.recoup.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.recoup.routes.cycle.Stages;
import io.recoup.routes.directdebit.ProviderCollectionRoutes;
import io.recoup.routes.receive.ProviderEventRoutes;
import io.recoup.store.TemporaryFolders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * GoCardless against the running application, its API played by WireMock: batches signed with a test secret are stored
 * once per event and answered 200, forged and malformed ones change nothing; and the full cycle: a mandate set
 * up through the flow link becomes active, an item is collected against it, the payment's {@code confirmed} pays the
 * item and is posted back once, its {@code paid_out} makes no second receipt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests",
                "recoup.payments.gocardless.webhook-secrets[0]=" + GoCardlessWebhookIT.SECRET,
                "recoup.payments.gocardless.webhook-secrets[1]=gc_secret_rolled_out",
                "recoup.payments.gocardless.access-token=sandbox_app_it", "recoup.payments.gocardless.timeout=5s"})
class GoCardlessWebhookIT {
    static final String SECRET = "gc_secret_webhook_it";
    private static final Path HOME = TemporaryFolders.create("recoup-gocardless-webhook-it");
    private static final WireMockServer GOCARDLESS = new WireMockServer(options().dynamicPort());

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        GOCARDLESS.start();
        registry.add("recoup.home", HOME::toString);
        registry.add("recoup.payments.gocardless.api-base", GOCARDLESS::baseUrl);
    }

    @AfterAll
    static void stopGoCardless() {
        GOCARDLESS.stop();
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

    @BeforeEach
    void noEvents() {
        jdbc.update("delete from provider_event");
    }

    static String event(String id, String resource, String action, String link, String linked) {
        return "{\"id\":\"" + id + "\",\"created_at\":\"2026-12-01T09:00:00.000Z\",\"resource_type\":\"" + resource
                + "\",\"action\":\"" + action + "\",\"links\":{\"" + link + "\":\"" + linked + "\"},\"details\":{\"origin\":\"gocardless\","
                + "\"cause\":\"payment_" + action + "\",\"description\":\"Payment " + action + "\"},\"metadata\":{}}";
    }

    static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "],\"meta\":{\"webhook_id\":\"WB123\"}}";
    }

    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpStatusCode deliver(String signature, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("Webhook-Signature", signature);
        }
        var response = http.postForEntity("/webhooks/gocardless", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
                String.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            assertThat(response.getBody()).as("a refusal says nothing").isNullOrEmpty();
        }
        return response.getStatusCode();
    }

    private long stored() {
        return jdbc.queryForObject("select count(*) from provider_event", Long.class);
    }

    private void process() {
        camel.createProducerTemplate().sendBody(ProviderEventRoutes.PROCESS, null);
    }

    @Test
    void storesEachEventOfASignedBatchOnceHoweverOftenTheBatchIsDelivered() {
        String body = batch(event("EV_once_1", "payments", "created", "payment", "PM_x"),
                event("EV_once_2", "payouts", "paid", "payout", "PO_x"));

        assertThat(deliver(signature(SECRET, body), body)).isEqualTo(HttpStatus.OK);
        assertThat(deliver(signature("gc_secret_rolled_out", body), body)).as("the second secret during a rotation")
                .isEqualTo(HttpStatus.OK);

        assertThat(jdbc.queryForList("select provider || ' ' || event_id || ' ' || event_type from provider_event order by event_id",
                String.class)).containsExactly("gocardless EV_once_1 payments.created", "gocardless EV_once_2 payouts.paid");
    }

    /** serve logs at INFO (the tests' logback configuration holds INFO back, so the root is set to INFO here). */
    @Test
    void callsToGoCardlessLeaveNoUrlInTheLogAtInfo() {
        GOCARDLESS.stubFor(get(urlPathEqualTo("/mandates/MD_quiet")).willReturn(okJson("{\"mandates\":{\"id\":\"MD_quiet\","
                + "\"status\":\"active\",\"scheme\":\"sepa_core\",\"metadata\":{\"recoup_customer\":\"csv|NOBODY\"}}}")));
        String active = batch(event("EV_md_quiet", "mandates", "active", "mandate", "MD_quiet"));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level was = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        root.setLevel(Level.INFO);
        root.addAppender(captured);
        try {
            assertThat(deliver(signature(SECRET, active), active)).isEqualTo(HttpStatus.OK);
            process();
        } finally {
            root.detachAppender(captured);
            root.setLevel(was);
        }

        GOCARDLESS.verify(1, getRequestedFor(urlPathEqualTo("/mandates/MD_quiet")));
        assertThat(captured.list).as("what was logged at INFO and above").filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .isNotEmpty()
                .noneMatch(e -> e.getFormattedMessage().contains("/mandates/MD_quiet") || e.getFormattedMessage().contains(GOCARDLESS.baseUrl()));
    }

    @Test
    void refusesForgedAndMalformedBatchesAndStoresNothing() {
        String body = batch(event("EV_refused", "payments", "confirmed", "payment", "PM_x"));

        assertThat(deliver(signature("someone_elses_secret", body), body)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deliver(signature(SECRET, body), body.replace("PM_x", "PM_y"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deliver(null, body)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(deliver("not-hex", body)).isEqualTo(HttpStatus.BAD_REQUEST);
        String notABatch = "{\"id\":\"EV1\"}";
        assertThat(deliver(signature(SECRET, notABatch), notABatch)).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(stored()).isZero();
    }

    @Test
    void aMandateSetUpThroughTheLinkIsCollectedAgainstAndItsConfirmedPaymentPaysTheItemOnceEvenWhenPaidOut() {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 1, true), null);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> item = jdbc.queryForMap("""
                select i.id, i.external_id, i.open_amount, c.source as csource, c.external_id as cext from open_item i
                join customer c on c.id = i.customer_id
                where i.status = 'OPEN' and i.open_amount > 0 and i.currency = 'EUR' and i.due_date <= ?
                  and not exists (select 1 from collection k where k.item_id = i.id)
                  and not exists (select 1 from hold h where h.released_at is null and (h.item_id = i.id
                      or (h.item_id is null and h.customer_id = i.customer_id)))
                  and not exists (select 1 from promise_to_pay t where t.item_id = i.id)
                  and (select count(*) from open_item o where o.customer_id = i.customer_id and o.status = 'OPEN'
                      and o.open_amount > 0 and o.due_date <= ?) = 1
                order by i.id limit 1""", today, today);
        String customerKey = item.get("csource") + "|" + item.get("cext");
        GOCARDLESS.stubFor(get(urlPathEqualTo("/mandates/MD_cycle")).willReturn(okJson("{\"mandates\":{\"id\":\"MD_cycle\","
                + "\"status\":\"active\",\"scheme\":\"sepa_core\",\"metadata\":{\"recoup_customer\":\"" + customerKey + "\"}}}")));

        String active = batch(event("EV_md_active", "mandates", "active", "mandate", "MD_cycle"));
        assertThat(deliver(signature(SECRET, active), active)).isEqualTo(HttpStatus.OK);
        process();
        assertThat(jdbc.queryForObject("select status from provider_mandate where mandate_id = 'MD_cycle'", String.class)).isEqualTo("active");

        BigDecimal open = (BigDecimal) item.get("open_amount");
        String items = "csv|" + item.get("external_id") + "|" + open.setScale(2).toPlainString();
        String payment = "{\"payments\":{\"id\":\"PM_cycle\",\"amount\":" + open.movePointRight(2).intValueExact()
                + ",\"currency\":\"EUR\",\"charge_date\":\"" + today.plusDays(4) + "\",\"status\":\"%s\",\"links\":{\"mandate\":"
                + "\"MD_cycle\"},\"metadata\":{\"recoup_notice\":\"collection\",\"recoup_items\":\"" + items + "\"}}}";
        GOCARDLESS.stubFor(post(urlPathEqualTo("/payments")).willReturn(okJson(payment.formatted("pending_submission"))));
        camel.createProducerTemplate().sendBody(ProviderCollectionRoutes.COLLECT, null);
        camel.createProducerTemplate().sendBody(ProviderCollectionRoutes.COLLECT, null);
        GOCARDLESS.verify(1, postRequestedFor(urlPathEqualTo("/payments"))
                .withHeader("Idempotency-Key", equalTo("recoup-item-csv-" + item.get("external_id") + "-1"))
                .withRequestBody(matchingJsonPath("$.payments.links.mandate", equalTo("MD_cycle")))
                .withRequestBody(matchingJsonPath("$.payments.metadata.recoup_items", equalTo(items))));

        GOCARDLESS.stubFor(get(urlPathEqualTo("/payments/PM_cycle")).willReturn(okJson(payment.formatted("confirmed"))));
        String confirmed = batch(event("EV_pm_confirmed", "payments", "confirmed", "payment", "PM_cycle"));
        assertThat(deliver(signature(SECRET, confirmed), confirmed)).isEqualTo(HttpStatus.OK);
        process();
        assertThat(jdbc.queryForObject("select status from open_item where id = ?", String.class, item.get("id"))).isEqualTo("PAID");
        assertThat(stages.postBack().postPending()).singleElement().satisfies(p -> assertThat(p.documentNumbers()).hasSize(1));

        GOCARDLESS.stubFor(get(urlPathEqualTo("/payments/PM_cycle")).willReturn(okJson(payment.formatted("paid_out"))));
        String paidOut = batch(event("EV_pm_paid_out", "payments", "paid_out", "payment", "PM_cycle"),
                event("EV_po_paid", "payouts", "paid", "payout", "PO_cycle"));
        assertThat(deliver(signature(SECRET, paidOut), paidOut)).isEqualTo(HttpStatus.OK);
        process();

        assertThat(jdbc.queryForList("select status from receipt where provider = 'gocardless'", String.class)).containsExactly("MATCHED");
        assertThat(stages.postBack().postPending()).allSatisfy(p -> assertThat(p.documentNumbers()).isEmpty());
        assertThat(jdbc.queryForObject("select status from provider_collection", String.class)).isEqualTo("PAID");
        assertThat(jdbc.queryForList("select event_id || ' ' || status from provider_event order by id", String.class)).containsExactly(
                "EV_md_active HANDLED", "EV_pm_confirmed HANDLED", "EV_pm_paid_out HANDLED", "EV_po_paid HANDLED");
    }
}
