package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.link.LinkTokens;
import io.recoup.core.link.LinkTokens.Target;
import io.recoup.store.TemporaryFolders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The links in customers' messages against the running application, without a login: a payment link records the
 * click and redirects to the provider's page; the unsubscribe page asks first and its one-click post (RFC 8058) opts
 * the customer out of e-mail; a token that is not genuine is 404 and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests",
                "recoup.channels.public-url=https://recoup.example/"})
class CustomerLinksIT {
    private static final Path HOME = TemporaryFolders.create("recoup-customer-links-it");
    private static final String CHECKOUT = "https://checkout.stripe.com/c/pay/cs_test_a1";

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    LinkTokens tokens;
    long notice;

    @BeforeEach
    void sentNoticeWithAStripeLink() {
        jdbc.update("delete from delivery_event");
        jdbc.update("delete from opt_out");
        tokens = new LinkTokens(jdbc.queryForObject("select link_key from installation", String.class).getBytes(StandardCharsets.US_ASCII));
        long customer = jdbc.queryForObject("""
                insert into customer (source, external_id, name, email, language, time_zone, segment, updated_at)
                values ('test', 'L' || nextval('customer_id_seq'), 'Acme Ltd', 'ap@acme.example', 'en', 'Europe/Berlin', 'default', now())
                returning id""", Long.class);
        notice = jdbc.queryForObject("""
                insert into notice (customer_id, channel, template, lead_step, planned_on, send_after, policy_id, policy_version,
                    reason, facts, status, created_at)
                values (?, 'EMAIL', 'reminder-due', 'due-email', current_date, now(), 'default', '2', 'test', '{}', 'SENT', now())
                returning id""", Long.class, customer);
        jdbc.update("insert into notice_payment_link (notice_id, provider, attempt, link_id, url, expires_at, created_at) "
                + "values (?, 'stripe', 1, 'cs_test_a1', ?, now() + interval '1 day', now())", notice, CHECKOUT);
    }

    @Test
    void aPaymentLinkRecordsTheClickAndRedirectsToTheProvidersPage() throws Exception {
        HttpResponse<String> response = get("/pay/" + tokens.sign(Target.pay(notice, "stripe")));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains(CHECKOUT);
        assertThat(jdbc.queryForList("select kind from delivery_event where notice_id = ?", String.class, notice)).containsExactly("CLICKED");
    }

    @Test
    void aForgedOrForeignTokenIsNotFoundAndChangesNothing() throws Exception {
        LinkTokens other = new LinkTokens("another-installations-key-0123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat(get("/pay/" + other.sign(Target.pay(notice, "stripe"))).statusCode()).isEqualTo(404);
        assertThat(get("/pay/" + tokens.sign(Target.unsubscribe(notice))).statusCode()).as("an unsubscribe token opens no payment").isEqualTo(404);
        assertThat(get("/pay/" + tokens.sign(Target.pay(notice, "gocardless"))).statusCode()).as("no such link").isEqualTo(404);
        assertThat(post("/unsubscribe/" + other.sign(Target.unsubscribe(notice))).statusCode()).isEqualTo(404);
        assertThat(get("/unsubscribe/not-a-token").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from delivery_event", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from opt_out", Integer.class)).isZero();
    }

    @Test
    void theUnsubscribePageAsksFirstAndTheOneClickPostOptsTheCustomerOutOfEmail() throws Exception {
        String path = "/unsubscribe/" + tokens.sign(Target.unsubscribe(notice));
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">").doesNotContain("Acme", "acme.example");
        assertThat(jdbc.queryForObject("select count(*) from opt_out", Integer.class)).as("a GET never unsubscribes").isZero();

        HttpResponse<String> done = post(path);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("select o.channel from opt_out o join notice n on n.customer_id = o.customer_id where n.id = ?",
                String.class, notice)).containsExactly("EMAIL");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
