package io.recoup.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryReports;
import io.recoup.core.port.DeliveryStatus;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bounces read from a real IMAP server (GreenMail): RFC 3464 reports of ours become bounces, the rest is counted. */
class ImapBounceInboxIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    /** A DSN as Postfix writes it for a mailbox that does not exist, returning our reminder's headers. */
    static final String BOUNCE = """
            From: MAILER-DAEMON@mx.acme.example
            To: ar@recoup.example
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

            --B1
            Content-Type: text/plain; charset=us-ascii

            I'm sorry to have to inform you that your message could not be delivered to one or more recipients.

            --B1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.acme.example
            Arrival-Date: Mon, 2 Mar 2026 09:00:01 +0100

            Final-Recipient: rfc822; ap@acme.example
            Original-Recipient: rfc822;ap@acme.example
            Action: %s
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <ap@acme.example>: Recipient address rejected: User unknown

            --B1
            Content-Type: text/rfc822-headers

            From: ar@recoup.example
            To: ap@acme.example
            Subject: Payment reminder: INV-1
            Message-ID: <notice-7@recoup>

            --B1--
            """;

    private GreenMailUser user;
    private ImapBounceInbox inbox;

    @BeforeEach
    void mailbox() {
        user = mail.setUser("bounces@recoup.example", "bounces", "secret");
        inbox = new ImapBounceInbox(new ImapBounceInbox.ImapSettings("127.0.0.1", mail.getImap().getPort(), "bounces", "secret",
                "INBOX", false), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void arrives(String raw) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void turnsAFailureReportAboutOurMessageIntoABounceAndCountsEveryOtherMessage() throws Exception {
        arrives(BOUNCE.formatted("failed"));
        arrives(BOUNCE.formatted("delayed"));
        arrives("From: someone@acme.example\nTo: bounces@recoup.example\nSubject: out of office\n\nBack on Monday.\n");
        List<DeliveryStatus> applied = new ArrayList<>();

        DeliveryReports.Scan scan = inbox.poll(applied::addAll);

        assertThat(applied).containsExactly(new DeliveryStatus(Channel.EMAIL, "<notice-7@recoup>", DeliveryStatus.Kind.BOUNCED,
                "5.1.1 smtp; 550 5.1.1 <ap@acme.example>: Recipient address rejected: User unknown", NOW));
        assertThat(scan.read()).isEqualTo(3);
        assertThat(scan.ignored()).containsExactlyInAnyOrder("a report of action 'delayed', not of a failure", "not a multipart/report");
        assertThat(inbox.poll(applied::addAll).read()).isZero();
    }

    @Test
    void readsTheMessagesAgainWhenWhatTheyReportCouldNotBeStored() throws Exception {
        arrives(BOUNCE.formatted("failed"));

        assertThatThrownBy(() -> inbox.poll(reports -> {
            throw new IllegalStateException("the database went away");
        })).hasMessage("the database went away");

        assertThat(inbox.poll(reports -> assertThat(reports).hasSize(1)).reports()).isEqualTo(1);
    }
}
