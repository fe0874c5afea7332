package io.recoup.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.recoup.core.link.LinkTokens;
import io.recoup.core.link.LinkTokens.Target;
import io.recoup.store.TemporaryFolders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An old reminder's Stripe link opened after its Checkout Session expired, against the running application with Stripe
 * played by WireMock (answers shaped from the checkout.session fixture): the notice gets a new session for what is
 * still open of its invoices, asked for once per attempt under the notice's next idempotency key however many clicks
 * race; Stripe failing or timing out shows a page to try again later and stores nothing, so the next click asks again;
 * a notice with nothing open shows a paid page and asks Stripe for nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests",
                "recoup.payments.stripe.webhook-secrets[0]=whsec_test_expired", "recoup.payments.stripe.api-key=sk_test_expired",
                "recoup.payments.stripe.timeout=2s"})
class ExpiredPayLinkIT {
    private static final Path HOME = TemporaryFolders.create("recoup-expired-pay-link-it");
    private static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String OLD = "https://checkout.stripe.com/c/pay/cs_test_old";
    private static final String NEW = "https://checkout.stripe.com/c/pay/cs_test_new";
    private static final String SESSIONS = "/v1/checkout/sessions";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        STRIPE.start();
        registry.add("recoup.home", HOME::toString);
        registry.add("recoup.payments.stripe.api-base", STRIPE::baseUrl);
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SettableClock clock;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    LinkTokens tokens;
    long customer;
    long notice;

    @BeforeEach
    void aSentNotice() {
        STRIPE.resetAll();
        STRIPE.stubFor(get(urlPathMatching(SESSIONS + "/.+")).willReturn(okJson(
                StripeTestKit.session("cs_test_any", OLD, now().plusSeconds(3600), "open"))));
        clock.setDay(TODAY);
        tokens = new LinkTokens(jdbc.queryForObject("select link_key from installation", String.class).getBytes(StandardCharsets.US_ASCII));
        customer = jdbc.queryForObject("""
                insert into customer (source, external_id, name, email, language, time_zone, segment, updated_at)
                values ('test', 'X' || nextval('customer_id_seq'), 'Acme Ltd', 'ap@acme.example', 'en', 'Europe/Berlin', 'default', now())
                returning id""", Long.class);
        notice = jdbc.queryForObject("""
                insert into notice (customer_id, channel, template, lead_step, planned_on, send_after, policy_id, policy_version,
                    reason, facts, status, created_at)
                values (?, 'EMAIL', 'reminder-due', 'due-email', ?, now(), 'default', '2', 'test', '{}', 'SENT', now())
                returning id""", Long.class, customer, TODAY.minusDays(5));
    }

    @Test
    void anExpiredSessionIsMadeAgainForWhatIsStillOpenUnderTheNoticesNextAttempt() throws Exception {
        listed("INV-A", "100.00", "100.00", "OPEN", "SENT");
        listed("INV-B", "50.00", "20.00", "OPEN", "SENT");
        listed("INV-C", "70.00", "0.00", "PAID", "SENT");
        listed("INV-D", "30.00", "30.00", "OPEN", "CANCELLED");
        storedLink(1, "cs_test_old", OLD, now().minusSeconds(60));
        STRIPE.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(okJson(
                StripeTestKit.session("cs_test_new", NEW, now().plus(Duration.ofHours(23)), "open"))));

        HttpResponse<String> first = pay();
        HttpResponse<String> second = pay();

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).contains(NEW);
        assertThat(second.headers().firstValue("Location")).as("the new session lives: no third").contains(NEW);
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
        STRIPE.verify(postRequestedFor(urlPathEqualTo(SESSIONS)).withHeader("Idempotency-Key", equalTo("recoup-notice-" + notice + "-2"))
                .withRequestBody(containing("line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=12000"))
                .withRequestBody(containing("Invoices+INV-A%2C+INV-B&"))
                .withRequestBody(containing("client_reference_id=recoup-notice-" + notice)));
        assertThat(jdbc.queryForList("select attempt || ' ' || link_id from notice_payment_link where notice_id = ? order by attempt",
                String.class, notice)).containsExactly("1 cs_test_old", "2 cs_test_new");
    }

    @Test
    void twoClicksRacingOnAnExpiredLinkMakeOneSession() throws Exception {
        listed("INV-E", "80.00", "80.00", "OPEN", "SENT");
        storedLink(1, "cs_test_old", OLD, now().minusSeconds(60));
        STRIPE.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(okJson(
                StripeTestKit.session("cs_test_new", NEW, now().plus(Duration.ofHours(23)), "open")).withFixedDelay(400)));

        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(this::payUnchecked);
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(this::payUnchecked);

        assertThat(List.of(one.get(), two.get())).allSatisfy(r -> assertThat(r.headers().firstValue("Location")).contains(NEW));
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
        assertThat(jdbc.queryForObject("select count(*) from notice_payment_link where notice_id = ?", Integer.class, notice)).isEqualTo(2);
    }

    @Test
    void stripeFailingOrTimingOutShowsAPageToTryLaterAndTheNextClickAsksAgainUnderTheSameKey() throws Exception {
        listed("INV-F", "40.00", "40.00", "OPEN", "SENT");
        storedLink(1, "cs_test_old", OLD, now().minusSeconds(60));
        STRIPE.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"type\":\"api_error\"}}")));

        HttpResponse<String> failed = pay();

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Location")).isEmpty();
        assertThat(failed.body()).contains("cannot be opened right now").doesNotContain("stripe.com");

        STRIPE.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(okJson(
                StripeTestKit.session("cs_test_new", NEW, now().plus(Duration.ofHours(23)), "open")).withFixedDelay(4000)));
        assertThat(pay().statusCode()).as("a timeout").isEqualTo(503);
        assertThat(jdbc.queryForObject("select max(attempt) from notice_payment_link where notice_id = ?", Integer.class, notice))
                .as("nothing stored for the failed attempt").isEqualTo(1);

        STRIPE.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(okJson(
                StripeTestKit.session("cs_test_new", NEW, now().plus(Duration.ofHours(23)), "open"))));
        HttpResponse<String> later = pay();

        assertThat(later.headers().firstValue("Location")).contains(NEW);
        STRIPE.verify(3, postRequestedFor(urlPathEqualTo(SESSIONS)).withHeader("Idempotency-Key",
                equalTo("recoup-notice-" + notice + "-2")));
    }

    @Test
    void aNoticeWhoseInvoicesAreAllPaidShowsThatAndAsksStripeForNothing() throws Exception {
        listed("INV-G", "60.00", "0.00", "PAID", "SENT");
        storedLink(1, "cs_test_old", OLD, now().minusSeconds(60));

        HttpResponse<String> page = pay();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("nothing left to pay");
        STRIPE.verify(0, postRequestedFor(urlPathEqualTo(SESSIONS)));
        assertThat(jdbc.queryForObject("select count(*) from notice_payment_link where notice_id = ?", Integer.class, notice)).isOne();
    }

    @Test
    void aSessionStripeSaysExpiredBeforeItsTimeIsMadeAgainAndALiveOneIsFollowedAsItIs() throws Exception {
        listed("INV-H", "25.00", "25.00", "OPEN", "SENT");
        storedLink(1, "cs_test_old", OLD, now().plusSeconds(3600));

        assertThat(pay().headers().firstValue("Location")).as("Stripe says open").contains(OLD);

        STRIPE.stubFor(get(urlPathEqualTo(SESSIONS + "/cs_test_old")).willReturn(okJson(
                StripeTestKit.session("cs_test_old", OLD, now().plusSeconds(3600), "expired"))));
        STRIPE.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(okJson(
                StripeTestKit.session("cs_test_new", NEW, now().plus(Duration.ofHours(23)), "open"))));

        assertThat(pay().headers().firstValue("Location")).contains(NEW);
        STRIPE.verify(getRequestedFor(urlPathEqualTo(SESSIONS + "/cs_test_old")));
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)).withHeader("Idempotency-Key", equalTo("recoup-notice-" + notice + "-2")));
    }

    private Instant now() {
        return clock.instant();
    }

    /** An item on the notice: its amount, what is open of it, its status and its action's. */
    private void listed(String number, String amount, String open, String status, String actionStatus) {
        long item = jdbc.queryForObject("""
                insert into open_item (source, external_id, customer_id, number, issue_date, due_date, currency, original_amount,
                    ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at)
                values ('test', ? || '-' || nextval('open_item_id_seq'), ?, ?, ?, ?, 'EUR', ?::numeric, ?::numeric, ?::numeric, ?,
                    'RF' || nextval('open_item_id_seq'), now(), now())
                returning id""", Long.class, number, customer, number, TODAY.minusDays(40), TODAY.minusDays(10), amount, open, open, status);
        jdbc.update("""
                insert into action (item_id, step_id, channel, template, scheduled_for, planned_on, policy_id, policy_version, reason,
                    status, created_at, notice_id)
                values (?, 'due-email', 'EMAIL', 'reminder-due', ?, ?, 'default', '2', 'test', ?, now(), ?)""",
                item, TODAY.minusDays(5), TODAY.minusDays(5), actionStatus, notice);
    }

    private void storedLink(int attempt, String id, String url, Instant expiresAt) {
        jdbc.update("insert into notice_payment_link (notice_id, provider, attempt, link_id, url, expires_at, created_at) "
                + "values (?, 'stripe', ?, ?, ?, ?, now())", notice, attempt, id, url, Timestamp.from(expiresAt));
    }

    private HttpResponse<String> pay() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/pay/" + tokens.sign(Target.pay(notice,
                "stripe")))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> payUnchecked() {
        try {
            return pay();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
