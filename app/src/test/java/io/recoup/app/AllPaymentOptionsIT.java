package io.recoup.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.adapters.email.MimeParts;
import io.recoup.store.TemporaryFolders;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One reminder e-mail with all three ways to pay (issue 13, "what must be shown"), through the real application on the
 * bundled sample ledger's first day: a Stripe Checkout link (WireMock answering with Stripe's documented Checkout
 * Session), a GoCardless Billing Request flow link that sets up a SEPA mandate (WireMock, GoCardless's documented
 * bodies) and bank transfer (IBAN, the RF reference per invoice, an EPC QR code inline), sent by SMTP to GreenMail.
 * Both the HTML and the text part carry all three. The received message is written to
 * {@code target/reminder-all-payment-options.eml} for a person to open.
 */
@SpringBootTest(properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false",
        "recoup.creditor.name=Recoup Test GmbH", "recoup.creditor.iban=DE02120300000000202051", "recoup.creditor.bic=BYLADEM1001",
        "recoup.mail.from=ar@recoup.test", "recoup.mail.starttls=false"})
class AllPaymentOptionsIT {
    private static final Path HOME = TemporaryFolders.create("recoup-all-payment-options-it");
    private static final String CHECKOUT = "https://checkout.stripe.com/c/pay/cs_test_a1";
    private static final String FLOW = "https://pay.gocardless.com/billing/static/flow?id=BRF123";
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());
    private static final WireMockServer GOCARDLESS = new WireMockServer(options().dynamicPort());

    static {
        MAIL.start();
        STRIPE.start();
        GOCARDLESS.start();
        STRIPE.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson(checkoutSession())));
        GOCARDLESS.stubFor(post(urlPathEqualTo("/billing_requests")).willReturn(okJson("{\"billing_requests\":{\"id\":\"BRQ123\","
                + "\"status\":\"pending\",\"mandate_request\":{\"currency\":\"EUR\",\"scheme\":\"sepa_core\"}}}")));
        GOCARDLESS.stubFor(post(urlPathEqualTo("/billing_request_flows")).willReturn(okJson("{\"billing_request_flows\":{\"id\":"
                + "\"BRF123\",\"authorisation_url\":\"" + FLOW + "\",\"expires_at\":\"2026-03-03T08:00:00.000Z\","
                + "\"links\":{\"billing_request\":\"BRQ123\"}}}")));
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) throws IOException {
        registry.add("recoup.home", HOME::toString);
        registry.add("recoup.mail.host", () -> "127.0.0.1");
        registry.add("recoup.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("recoup.payments.stripe.api-key", () -> "sk_test_all_options");
        registry.add("recoup.payments.stripe.api-base", STRIPE::baseUrl);
        registry.add("recoup.payments.stripe.webhook-secrets[0]", () -> "whsec_all_options");
        registry.add("recoup.payments.gocardless.access-token", () -> "sandbox_all_options");
        registry.add("recoup.payments.gocardless.api-base", GOCARDLESS::baseUrl);
        registry.add("recoup.payments.gocardless.webhook-secrets[0]", () -> "gc_all_options");
        Path policy = HOME.resolve("policy.yaml");
        try (var in = AllPaymentOptionsIT.class.getResourceAsStream("/recoup/policies/default.yaml")) {
            Files.writeString(policy, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace(
                    "template: reminder-pre-due\n", "template: reminder-pre-due\n        payment-options: [bank-transfer, stripe, gocardless]\n"));
        }
        registry.add("recoup.policy", () -> "file:" + policy);
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
        STRIPE.stop();
        GOCARDLESS.stop();
    }

    @Autowired
    DemoJob demo;

    @Test
    void aReminderOffersCardDirectDebitAndBankTransferInBothItsHtmlAndTextParts() throws Exception {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 1, true), null);

        MimeMessage reminder = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> to(m).contains("ap@nordwind.example"))
                .findFirst().orElseThrow();
        writeEml(reminder, Path.of("target", "reminder-all-payment-options.eml"));
        MimeParts parts = MimeParts.of(reminder);
        String text = parts.text();
        String html = parts.html().orElseThrow();

        assertThat(text).contains(CHECKOUT).contains(FLOW).contains("DE02 1203 0000 0000 2020 51").contains("BYLADEM1001")
                .containsPattern("RF\\d\\d INV2 0261 001").containsPattern("RF\\d\\d INV2 0261 005");
        // Mustache writes '=' in an attribute as '&#61;', which a browser reads as '='
        assertThat(html).contains("href=\"" + CHECKOUT + "\"").contains("href=\"" + FLOW.replace("=", "&#61;") + "\"")
                .contains("DE02 1203 0000 0000 2020 51").containsPattern("RF\\d\\d INV2 0261 001")
                .contains("src=\"cid:qr-1@recoup\"").contains("src=\"cid:qr-2@recoup\"");
        assertThat(inlineImages(reminder)).containsExactlyInAnyOrder("<qr-1@recoup> image/png", "<qr-2@recoup> image/png");
        STRIPE.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")).withHeader("Authorization", equalTo("Bearer sk_test_all_options")));
        GOCARDLESS.verify(postRequestedFor(urlPathEqualTo("/billing_request_flows")));
    }

    /** Stripe's documented Checkout Session (the fixture), with the hosted page's address and an expiry a day ahead. */
    private static String checkoutSession() {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode session = (ObjectNode) json.readTree(Path.of(System.getProperty("recoup.fixtures"), "stripe",
                    "checkout.session.json").toFile());
            session.put("url", CHECKOUT).put("expires_at", Instant.parse("2026-03-03T08:00:00Z").getEpochSecond());
            return json.writeValueAsString(session);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.List<String> inlineImages(Part part) throws Exception {
        java.util.List<String> found = new java.util.ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multi = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                found.addAll(inlineImages(multi.getBodyPart(i)));
            }
        } else if (part instanceof MimeBodyPart body && body.getContentID() != null) {
            found.add(body.getContentID() + " " + body.getContentType().replaceAll(";.*", "").trim());
        }
        return found;
    }

    private static void writeEml(MimeMessage message, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
    }
}
