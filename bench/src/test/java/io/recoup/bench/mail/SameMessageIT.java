package io.recoup.bench.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import io.recoup.adapters.email.SmtpReminderChannel;
import io.recoup.adapters.email.SmtpSettings;
import io.recoup.core.port.DeliveryResult;
import io.recoup.routes.dispatch.NoticeMessages;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SameMessageIT {
    private final GreenMail server = new NoDelayGreenMail();
    private SmtpReminderChannel channel;
    private RawMail raw;

    @BeforeEach
    void start() {
        server.start();
        int port = server.getSmtp().getPort();
        channel = new SmtpReminderChannel(new SmtpSettings("127.0.0.1", port, "ar@recoup.example", Optional.empty(), Optional.empty(), false));
        raw = new RawMail("127.0.0.1", port, "ar@recoup.example");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theBaselineSendsTheMessageRecoupsChannelSendsInEveryLanguageAndLength() {
        assertThatCode(() -> MailBench.sameMessages(MailBench.renderer(), channel, raw, server)).doesNotThrowAnyException();
    }

    @Test
    void theCheckNamesTheFirstLineWhereTwoMessagesDiffer() throws Exception {
        NoticeMessages render = MailBench.renderer();
        channel.deliver(render.message(MailBench.notice(0)));
        channel.endOfRun();
        raw.send(render.message(MailBench.notice(5)));
        raw.endOfBatch();
        server.waitForIncomingEmail(2);
        MimeMessage[] both = server.getReceivedMessages();

        assertThatThrownBy(() -> SameMessage.check(both[0], both[1])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the baseline's message is not Recoup's: line");
    }

    @Test
    void aMessageWithoutTheUnsubscribeHeaderIsNotTheSame() throws Exception {
        NoticeMessages render = MailBench.renderer();
        assertThat(channel.deliver(render.message(MailBench.notice(0)))).isInstanceOf(DeliveryResult.Sent.class);
        channel.endOfRun();
        server.waitForIncomingEmail(1);
        MimeMessage ours = server.getReceivedMessages()[0];
        MimeMessage without = new MimeMessage(ours);
        without.removeHeader("List-Unsubscribe");

        assertThatThrownBy(() -> SameMessage.check(ours, without)).hasMessageContaining("List-Unsubscribe");
        assertThatCode(() -> SameMessage.check(ours, new MimeMessage(ours))).doesNotThrowAnyException();
    }
}
