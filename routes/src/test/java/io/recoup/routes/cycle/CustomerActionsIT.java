package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.adapters.email.MimeParts;
import io.recoup.routes.dispatch.LinkVisits;
import io.recoup.store.dispatch.DeliveryEvents;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the customer does with a reminder, end to end on a real database and SMTP server: the payment link in the
 * e-mail goes through our redirect, which records the click, and the policy's call step (skip-if
 * link-opened-within-days: 1) is then left out; the one-click unsubscribe in the e-mail's headers opts the customer out
 * of e-mail, and the next step that would have e-mailed becomes a task for a person that says why. Acme's invoice falls
 * due on 2026-03-02: the due e-mail goes out that day, the call falls on 2026-03-05, WhatsApp (not configured, so
 * e-mail) on 2026-03-09.
 */
class CustomerActionsIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DAY = OnlinePaymentLinkIT.DAY;
    static final String LEDGER = PoisonNoticeIT.HEADER + "1,INV-1,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-02,EUR,100.00,\n";
    static final Pattern PAY = Pattern.compile("https://recoup\\.test/pay/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
    static final Pattern UNSUBSCRIBE = Pattern.compile("<https://recoup\\.test/unsubscribe/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)>");

    @TempDir
    Path home;
    CycleFixture recoup;
    LinkVisits visits;
    final OnlinePaymentLinkIT.FakeIssuer stripe = new OnlinePaymentLinkIT.FakeIssuer("stripe");

    @AfterEach
    void stop() {
        recoup.close();
    }

    @Test
    void theCallIsLeftOutAfterTheCustomerOpenedThePaymentLinkTheDayBefore() throws Exception {
        start();
        recoup.runDay(DAY);
        long notice = noticeOf("due-email");
        MimeMessage due = onlyMail();
        String text = MimeParts.of(due).text();
        assertThat(text).doesNotContain(stripe.url(notice, 1));
        Matcher pay = PAY.matcher(text);
        assertThat(pay.find()).as("the tracked payment link in the text: " + text).isTrue();
        assertThat(MimeParts.of(due).html().orElseThrow()).contains("https://recoup.test/pay/" + pay.group(1));

        recoup.clock.set(DAY.plusDays(2));
        assertThat(visits.open(pay.group(1))).isEqualTo(new LinkVisits.Visit.Redirect(URI.create(stripe.url(notice, 1))));
        assertThat(visits.open(pay.group(1))).as("a second click the same day is the same fact").isInstanceOf(LinkVisits.Visit.Redirect.class);
        assertThat(visits.open(pay.group(1).replace('.', 'x'))).isEqualTo(new LinkVisits.Visit.NotFound());
        assertThat(recoup.jdbc.queryForList("select kind || ' ' || reason from delivery_event where kind = 'CLICKED'", String.class))
                .containsExactly("CLICKED payment link opened: stripe");

        for (LocalDate day = DAY.plusDays(3); !day.isAfter(DAY.plusDays(5)); day = day.plusDays(1)) {
            recoup.runDay(day);
        }
        assertThat(recoup.jdbc.queryForList("select step_id from action order by id", String.class))
                .as("no call on 2026-03-05").containsExactly("due-email");
        long item = recoup.jdbc.queryForObject("select id from open_item where number = 'INV-1'", Long.class);
        assertThat(new DeliveryEvents(recoup.db).ofItem(item)).extracting(e -> e.get("kind")).contains("sent", "clicked");
        assertThat(recoup.jdbc.queryForList("select what || ': ' || why from event_log where entity = 'open_item' and what like '%skipped'",
                String.class)).as("written to the item's history once, though the planner left the call out on three runs")
                .containsExactly("step overdue-call skipped: its payment link was opened on 2026-03-04 "
                        + "(skip-if link-opened-within-days: 1)");

        recoup.runDay(DAY.plusDays(7));
        assertThat(recoup.jdbc.queryForList("select step_id from action order by id", String.class))
                .as("the ladder goes on after the skipped step").containsExactly("due-email", "overdue-whatsapp");
    }

    @Test
    void theOneClickUnsubscribeOptsTheCustomerOutOfEmailAndTheNextStepBecomesATaskThatSaysWhy() throws Exception {
        start();
        recoup.runDay(DAY);
        MimeMessage due = onlyMail();
        assertThat(due.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        Matcher unsubscribe = UNSUBSCRIBE.matcher(due.getHeader("List-Unsubscribe", null));
        assertThat(unsubscribe.find()).isTrue();
        String token = unsubscribe.group(1);

        assertThat(visits.isUnsubscribe(token)).isTrue();
        assertThat(visits.unsubscribe(token.substring(1))).as("a forged token changes nothing").isFalse();
        assertThat(recoup.jdbc.queryForObject("select count(*) from opt_out", Integer.class)).isZero();
        assertThat(visits.unsubscribe(token)).isTrue();
        assertThat(visits.unsubscribe(token)).as("a mail client posting twice").isTrue();
        assertThat(recoup.jdbc.queryForList("select channel from opt_out", String.class)).containsExactly("EMAIL");
        assertThat(recoup.jdbc.queryForList("select what || ': ' || why from event_log where what = 'unsubscribed'", String.class))
                .containsExactly("unsubscribed: customer unsubscribed from e-mail");

        for (LocalDate day = DAY.plusDays(1); !day.isAfter(DAY.plusDays(7)); day = day.plusDays(1)) {
            recoup.runDay(day);
        }
        assertThat(mail.getReceivedMessages()).as("no e-mail after the unsubscribe").hasSize(1);
        assertThat(recoup.jdbc.queryForObject("select channel || ' ' || status || ': ' || reason from notice "
                + "where id = (select max(notice_id) from action where step_id = 'overdue-whatsapp')", String.class))
                .startsWith("TASK ").endsWith("whatsapp: not configured; email: customer unsubscribed from e-mail; "
                        + "no usable channel: a person takes over");
    }

    @Test
    void aNoticePlannedBeforeTheCustomerUnsubscribedBecomesATaskInsteadOfAnEmail() throws Exception {
        start();
        recoup.clock.set(DAY);
        recoup.stages.ingestion().ingest("ledger.csv", new java.io.ByteArrayInputStream(LEDGER.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(recoup.stages.planning().plan().planned()).hasSize(1);
        long notice = noticeOf("due-email");

        assertThat(visits.unsubscribe(recoup.publicLinks.orElseThrow().unsubscribe(new io.recoup.core.id.NoticeId(notice))
                .getPath().replace("/unsubscribe/", ""))).isTrue();

        assertThat(recoup.stages.dispatch().dispatch().actions()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("TASK_OPEN");
            assertThat(a.outcome()).isEqualTo("customer unsubscribed from e-mail after the notice was planned; a person contacts the customer");
        });
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    private void start() {
        recoup = new CycleFixture(home, DAY, mail.getSmtp().getPort(), Optional.of(stripe), URI.create("https://recoup.test/"));
        recoup.policyText = CycleFixture.resource("/recoup/policies/default.yaml")
                .replace("template: reminder-due\n", "template: reminder-due\n        payment-options: [bank-transfer, stripe]\n")
                .replace("template: call-task\n", "template: call-task\n        skip-if: {link-opened-within-days: 1}\n");
        recoup.drop("ledger/inbox", "ledger.csv", LEDGER);
        visits = new LinkVisits(recoup.db, recoup.publicLinks.orElseThrow().tokens(), recoup.clock);
    }

    private long noticeOf(String step) {
        return recoup.jdbc.queryForObject("select notice_id from action where step_id = ?", Long.class, step);
    }

    private static MimeMessage onlyMail() {
        assertThat(mail.getReceivedMessages()).hasSize(1);
        return mail.getReceivedMessages()[0];
    }
}
