package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentLinkUnavailable;
import io.recoup.core.port.ReminderChannel;
import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.store.provider.ProviderMandates;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Stripe payment link on reminders, with a stand-in for the provider (the Stripe adapter itself is tested against
 * WireMock): on a step that offers it, the mail carries the notice's link after the bank details; a resend reuses the
 * live link and asks for the next attempt once it expired; a provider that cannot make it does not hold the mail back.
 */
class OnlinePaymentLinkIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** Acme's invoice is due today (due-email, offering stripe); Beta's in three days (pre-due-email, not offering it). */
    static final String LEDGER = PoisonNoticeIT.HEADER
            + "1,INV-1,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-02,EUR,100.00,\n"
            + "2,INV-2,C2,Beta GmbH,ap@beta.example,en,2026-02-01,2026-03-05,EUR,200.00,\n";
    static final String BANK_LINE_END = "so that your payment is matched automatically.";

    @TempDir
    Path home;
    CycleFixture recoup;
    final FakeIssuer stripe = new FakeIssuer("stripe");
    final FakeIssuer gocardless = new FakeIssuer("gocardless");

    @AfterEach
    void stop() {
        recoup.close();
    }

    @Test
    void putsTheNoticesStripeLinkAfterTheBankDetailsOnlyOnAStepThatOffersIt() throws Exception {
        start(Optional.of(stripe), UnaryOperator.identity());

        recoup.runDay(DAY);

        assertThat(stripe.requests).singleElement().satisfies(r -> {
            assertThat(r.idempotencyKey()).isEqualTo("recoup-notice-" + noticeOf("INV-1") + "-1");
            assertThat(r.amount()).hasToString("EUR 100.00");
            assertThat(r.items()).singleElement().satisfies(i -> assertThat(i.item().externalId()).isEqualTo("1"));
        });
        assertThat(text("ap@acme.example")).contains(BANK_LINE_END + "\n\nOr pay online by card: " + stripe.url(noticeOf("INV-1"), 1)
                + " (this link works until ").contains("DE89 3704 0044 0532 0130 00");
        assertThat(text("ap@beta.example")).contains(BANK_LINE_END + "\n\nKind regards").doesNotContain("online");
        assertThat(recoup.jdbc.queryForList("select notice_id || ' ' || provider || ' ' || attempt || ' ' || url from notice_payment_link",
                String.class)).containsExactly(noticeOf("INV-1") + " stripe 1 " + stripe.url(noticeOf("INV-1"), 1));
    }

    @Test
    void aSegmentThatAllowsBankTransferOnlyGetsNoCardLinkWhileAnotherSegmentOnTheSameLadderDoes() throws Exception {
        start(Optional.of(stripe), UnaryOperator.identity());
        recoup.policyText += """
                segments:
                  - id: large-accounts
                    min-total-open: { EUR: "250.00" }
                    ladder: default
                    payment-options: [bank-transfer]
                  - id: everyone-else
                    ladder: default
                """;
        String ledger = LEDGER + "3,INV-3,C3,Gamma SA,ap@gamma.example,en,2026-02-01,2026-03-02,EUR,300.00,\n";
        recoup.drop("ledger/inbox", "ledger.csv", ledger);

        recoup.runDay(DAY);

        assertThat(stripe.requests).extracting(PaymentLinkIssuer.LinkRequest::notice).containsExactly(String.valueOf(noticeOf("INV-1")));
        assertThat(text("ap@acme.example")).contains("Or pay online by card: " + stripe.url(noticeOf("INV-1"), 1));
        assertThat(text("ap@gamma.example")).contains(BANK_LINE_END + "\n\nKind regards").doesNotContain("online");
        assertThat(recoup.jdbc.queryForList("select segment_id from notice n join action a on a.notice_id = n.id "
                + "join open_item i on i.id = a.item_id where i.number in ('INV-1', 'INV-3') order by i.number", String.class))
                .containsExactly("everyone-else", "large-accounts");
    }

    @Test
    void reusesTheLiveLinkWhenTheNoticeGoesOutAgainAndAsksForTheNextAttemptOnceItExpired() throws Exception {
        AtomicInteger deferrals = new AtomicInteger(2);
        start(Optional.of(stripe), smtp -> new TestChannel(m -> m.recipientAddress().equals("ap@acme.example")
                && deferrals.getAndDecrement() > 0 ? new DeliveryResult.Deferred("421 try again later") : smtp.deliver(m), true));
        recoup.runDay(DAY);
        long acme = noticeOf("INV-1");

        assertThat(recoup.stages.dispatch().dispatch().actions()).extracting(DispatchReport.Dispatched::status).containsExactly("DEFERRED");
        assertThat(stripe.requests).extracting(PaymentLinkIssuer.LinkRequest::attempt).containsExactly(1);

        recoup.clock.set(DAY.plusDays(2));
        assertThat(recoup.stages.dispatch().dispatch().actions()).extracting(DispatchReport.Dispatched::status).containsExactly("SENT");

        assertThat(stripe.requests).extracting(PaymentLinkIssuer.LinkRequest::idempotencyKey)
                .containsExactly("recoup-notice-" + acme + "-1", "recoup-notice-" + acme + "-2");
        assertThat(text("ap@acme.example")).contains(stripe.url(acme, 2)).doesNotContain(stripe.url(acme, 1));
        assertThat(recoup.jdbc.queryForList("select attempt from notice_payment_link order by attempt", Integer.class)).containsExactly(1, 2);
    }

    @Test
    void sendsWithBankTransferOnlyAndNotesWhyWhenStripeCannotMakeTheLink() throws Exception {
        stripe.down = true;
        start(Optional.of(stripe), UnaryOperator.identity());

        recoup.runDay(DAY);

        assertThat(text("ap@acme.example")).contains(BANK_LINE_END + "\n\nKind regards").doesNotContain("online");
        assertThat(recoup.jdbc.queryForObject("select status || ' ' || outcome from notice where id = ?", String.class, noticeOf("INV-1")))
                .isEqualTo("SENT <notice-" + noticeOf("INV-1") + "@recoup>; no stripe payment link: stripe: 503 from the stand-in; "
                        + "sent with bank transfer only");
        assertThat(recoup.jdbc.queryForObject("select count(*) from notice_payment_link", Integer.class)).isZero();
    }

    @Test
    void leavesTheReminderAsItWasWhenNoStripeIssuerIsConfigured() throws Exception {
        start(Optional.empty(), UnaryOperator.identity());

        recoup.runDay(DAY);

        assertThat(text("ap@acme.example")).contains(BANK_LINE_END + "\n\nKind regards").doesNotContain("online");
        assertThat(recoup.jdbc.queryForObject("select outcome from notice where id = ?", String.class, noticeOf("INV-1")))
                .isEqualTo("<notice-" + noticeOf("INV-1") + "@recoup>");
        assertThat(stripe.requests).isEmpty();
    }

    @Test
    void offersTheGoCardlessMandateSetUpWithTheCustomersKeyOnlyToACustomerWithoutAnActiveMandate() throws Exception {
        start(Optional.of(gocardless), UnaryOperator.identity(), "gocardless");
        String ledger = LEDGER + "3,INV-3,C3,Gamma SA,ap@gamma.example,en,2026-02-01,2026-03-02,EUR,300.00,\n";
        recoup.drop("ledger/inbox", "ledger.csv", ledger);
        recoup.stages.ingestion().ingest("ledger.csv", new java.io.ByteArrayInputStream(ledger.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        long gamma = recoup.jdbc.queryForObject("select id from customer where external_id = 'C3'", Long.class);
        new ProviderMandates(recoup.db).record("gocardless", "MD3", gamma, "active", "mandate MD3 active", "EV1");

        recoup.runDay(DAY);

        assertThat(gocardless.requests).singleElement().satisfies(r -> {
            assertThat(r.notice()).isEqualTo(String.valueOf(noticeOf("INV-1")));
            assertThat(r.customer()).endsWith("|C1");
        });
        assertThat(text("ap@acme.example")).contains(BANK_LINE_END + "\n\nOr pay by SEPA direct debit from now on, set up in two "
                + "minutes: " + gocardless.url(noticeOf("INV-1"), 1));
        assertThat(recoup.jdbc.queryForList("select provider || ' ' || notice_id from notice_payment_link", String.class))
                .as("none for the customer with an active mandate").containsExactly("gocardless " + noticeOf("INV-1"));
    }

    private void start(Optional<PaymentLinkIssuer> links, UnaryOperator<ReminderChannel> channel) {
        start(links, channel, "stripe");
    }

    private void start(Optional<PaymentLinkIssuer> links, UnaryOperator<ReminderChannel> channel, String option) {
        recoup = new CycleFixture(home, DAY, mail.getSmtp().getPort(), channel, links);
        recoup.policyText = CycleFixture.resource("/recoup/policies/default.yaml").replace("template: reminder-due\n",
                "template: reminder-due\n        payment-options: [bank-transfer, " + option + "]\n");
        recoup.drop("ledger/inbox", "ledger.csv", LEDGER);
    }

    private long noticeOf(String invoice) {
        return recoup.jdbc.queryForObject("select a.notice_id from action a join open_item i on i.id = a.item_id where i.number = ?",
                Long.class, invoice);
    }

    private static String text(String recipient) throws Exception {
        List<MimeMessage> to = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().contains(recipient)) {
                to.add(m);
            }
        }
        assertThat(to).as("mails to " + recipient).hasSize(1);
        return io.recoup.adapters.email.MimeParts.of(to.get(0)).text().replace("\r\n", "\n");
    }

    /** Stands in for Stripe or GoCardless: one link per notice and attempt, or unavailable while {@code down}. */
    static final class FakeIssuer implements PaymentLinkIssuer {
        final List<LinkRequest> requests = new CopyOnWriteArrayList<>();
        final String provider;
        volatile boolean down;

        FakeIssuer(String provider) {
            this.provider = provider;
        }

        @Override
        public String provider() {
            return provider;
        }

        @Override
        public PaymentLink issue(LinkRequest request) {
            requests.add(request);
            if (down) {
                throw new PaymentLinkUnavailable(provider(), "503 from the stand-in", null);
            }
            return new PaymentLink(provider(), "cs_" + request.notice() + "_" + request.attempt(),
                    URI.create(url(Long.parseLong(request.notice()), request.attempt())), request.expiresAt());
        }

        String url(long notice, int attempt) {
            return "https://" + provider + ".test/c/pay/cs_" + notice + "_" + attempt;
        }
    }
}
