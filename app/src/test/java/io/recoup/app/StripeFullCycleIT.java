package io.recoup.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.adapters.email.MimeParts;
import io.recoup.routes.cycle.Stages;
import io.recoup.routes.postback.PostReport;
import io.recoup.routes.receive.ProviderEventRoutes;
import io.recoup.store.TemporaryFolders;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole Stripe cycle in one go on the running application, its real PostgreSQL and GreenMail, Stripe played by
 * WireMock: the first sample day's reminder reaches GreenMail with our pay link, which leads to the notice's Checkout
 * Session; Stripe's signed {@code checkout.session.completed} for that session (carrying back the metadata we gave it)
 * is posted to our webhook endpoint, and the notice's invoices end paid and posted back to the ledger once. The same
 * event delivered again changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests",
                "recoup.creditor.name=Recoup Test GmbH", "recoup.creditor.iban=DE02120300000000202051", "recoup.creditor.bic=BYLADEM1001",
                "recoup.mail.from=ar@recoup.test", "recoup.mail.starttls=false", "recoup.channels.public-url=https://recoup.test/",
                "recoup.payments.stripe.webhook-secrets[0]=" + StripeFullCycleIT.SECRET, "recoup.payments.stripe.api-key=sk_test_cycle"})
class StripeFullCycleIT {
    static final String SECRET = "whsec_test_full_cycle";
    private static final Path HOME = TemporaryFolders.create("recoup-stripe-full-cycle-it");
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());
    private static final String CHECKOUT = "https://checkout.stripe.com/c/pay/cs_test_cycle";
    private static final Pattern PAY = Pattern.compile("https://recoup\\.test(/pay/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
    private static final String SESSIONS = "/v1/checkout/sessions";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        MAIL.start();
        STRIPE.start();
        String session = StripeTestKit.session("cs_test_cycle", CHECKOUT, Instant.parse("2026-03-03T08:00:00Z"), "open");
        STRIPE.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(okJson(session)));
        STRIPE.stubFor(get(urlPathMatching(SESSIONS + "/.+")).willReturn(okJson(session)));
        registry.add("recoup.home", HOME::toString);
        registry.add("recoup.mail.host", () -> "127.0.0.1");
        registry.add("recoup.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("recoup.payments.stripe.api-base", STRIPE::baseUrl);
        registry.add("recoup.policy", () -> "file:" + StripeTestKit.policyOfferingStripe(HOME));
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
        STRIPE.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoJob demo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Stages stages;
    @Autowired
    CamelContext camel;
    @Autowired
    SettableClock clock;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aReminderPaidThroughItsStripeLinkIsPostedBackOnceHoweverOftenStripeSaysSo() throws Exception {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 1, true), null);
        List<PostReport> before = stages.postBack().postPending();
        assertThat(before).allSatisfy(p -> assertThat(p.documentNumbers()).isEmpty());

        MimeMessage reminder = MAIL.getReceivedMessages()[0];
        Matcher pay = PAY.matcher(MimeParts.of(reminder).text());
        assertThat(pay.find()).as("our pay link in the reminder from GreenMail").isTrue();
        HttpResponse<String> opened = send(HttpRequest.newBuilder(local(pay.group(1))).GET());
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location")).contains(CHECKOUT);

        long notice = jdbc.queryForObject("select notice_id from delivery_event where kind = 'CLICKED'", Long.class);
        Map<String, String> metadata = metadataOfSessionFor(notice);
        Map<String, Object> owed = jdbc.queryForMap("""
                select min(i.currency) as currency, sum(i.open_amount) as total, count(*) as items from action a
                join open_item i on i.id = a.item_id where a.notice_id = ? and a.status = 'SENT'""", notice);
        String completed = StripeTestKit.checkoutCompleted("evt_cycle_1", "cs_test_cycle", metadata,
                ((String) owed.get("currency")).trim().toLowerCase(), ((java.math.BigDecimal) owed.get("total")).movePointRight(2)
                        .longValueExact());

        assertThat(deliver(completed)).isEqualTo(200);
        camel.createProducerTemplate().sendBody(ProviderEventRoutes.PROCESS, null);

        assertThat(jdbc.queryForList("select i.status from action a join open_item i on i.id = a.item_id where a.notice_id = ? "
                + "and a.status = 'SENT'", String.class, notice)).hasSize(((Number) owed.get("items")).intValue()).containsOnly("PAID");
        List<PostReport> posted = stages.postBack().postPending();
        assertThat(posted.stream().mapToInt(p -> p.documentNumbers().size()).sum()).isEqualTo(((Number) owed.get("items")).intValue());

        assertThat(deliver(completed)).as("Stripe delivering the event again").isEqualTo(200);
        camel.createProducerTemplate().sendBody(ProviderEventRoutes.PROCESS, null);

        assertThat(stages.postBack().postPending()).allSatisfy(p -> assertThat(p.documentNumbers()).isEmpty());
        assertThat(jdbc.queryForList("select provider_id || ' ' || status from receipt where provider = 'stripe'", String.class))
                .singleElement().asString().endsWith(" MATCHED");
        assertThat(jdbc.queryForList("select event_id || ' ' || status from provider_event", String.class))
                .containsExactly("evt_cycle_1 HANDLED");
    }

    /** Our metadata as sent to Stripe when the session of {@code notice} was made. */
    private static Map<String, String> metadataOfSessionFor(long notice) {
        List<Map<String, String>> sessions = new ArrayList<>();
        for (LoggedRequest request : STRIPE.findAll(postRequestedFor(urlPathEqualTo(SESSIONS)))) {
            Map<String, String> metadata = new LinkedHashMap<>();
            for (String pair : request.getBodyAsString().split("&")) {
                String[] kv = pair.split("=", 2);
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                if (key.startsWith("metadata[")) {
                    metadata.put(key.substring("metadata[".length(), key.length() - 1), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
            sessions.add(metadata);
        }
        return sessions.stream().filter(m -> String.valueOf(notice).equals(m.get("recoup_notice"))).findFirst().orElseThrow();
    }

    private int deliver(String body) throws Exception {
        String signature = StripeTestKit.signature(SECRET, clock.instant().getEpochSecond(), body);
        return send(HttpRequest.newBuilder(local("/webhooks/stripe")).header("Content-Type", "application/json")
                .header("Stripe-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    private URI local(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
