package io.recoup.app;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.recoup.store.TemporaryFolders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Stripe link on reminders through the running application, Stripe played by WireMock: with an API key and a
 * policy whose steps offer {@code stripe}, the first demo day's reminders carry the notice's Checkout link,
 * asked for once per notice with its idempotency key, and kept per notice.
 */
@SpringBootTest(properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false",
        "recoup.payments.stripe.webhook-secrets[0]=whsec_test_links", "recoup.payments.stripe.api-key=sk_test_links"})
class StripeLinkCycleIT {
    private static final Path HOME = TemporaryFolders.create("recoup-stripe-link-it");
    private static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());
    private static final String URL = "https://checkout.stripe.com/c/pay/cs_test_link_it";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        STRIPE.start();
        STRIPE.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson(
                "{\"id\":\"cs_test_link_it\",\"object\":\"checkout.session\",\"url\":\"" + URL + "\",\"expires_at\":4102444800}")));
        Path policy = HOME.resolve("policy.yaml");
        Files.writeString(policy, bundledDefaultPolicy().replaceAll("(channels: \\[[a-z, ]+]\n)",
                "$1        payment-options: [bank-transfer, stripe]\n"));
        registry.add("recoup.home", HOME::toString);
        registry.add("recoup.policy", () -> "file:" + policy);
        registry.add("recoup.payments.stripe.api-base", STRIPE::baseUrl);
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
    }

    @Autowired
    DemoJob demo;
    @Autowired
    RecoupConfiguration.MailSink mail;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstDaysRemindersCarryTheirNoticesStripeLinkAskedForOncePerNotice() throws Exception {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 1, true), null);

        List<String> bodies = new ArrayList<>();
        for (MimeMessage m : mail.local().orElseThrow().received()) {
            bodies.add(io.recoup.adapters.email.MimeParts.of(m).text());
        }
        long sent = jdbc.queryForObject("select count(*) from notice where status = 'SENT'", Long.class);
        assertThat(sent).isPositive();
        assertThat(bodies).hasSize((int) sent).allSatisfy(b -> assertThat(b).contains(URL).contains("IBAN"));
        assertThat(jdbc.queryForList("select n.status || ' ' || l.provider || ' ' || l.attempt || ' ' || l.url from notice_payment_link l "
                + "join notice n on n.id = l.notice_id", String.class)).hasSize((int) sent)
                .allSatisfy(row -> assertThat(row).isEqualTo("SENT stripe 1 " + URL));
        STRIPE.verify((int) sent, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", matching("recoup-notice-[0-9]+-1")));
    }

    private static String bundledDefaultPolicy() {
        try (InputStream in = StripeLinkCycleIT.class.getResourceAsStream("/recoup/policies/default.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
