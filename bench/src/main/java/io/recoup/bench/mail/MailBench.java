package io.recoup.bench.mail;

import com.icegreen.greenmail.util.GreenMail;
import io.recoup.adapters.email.MailStreams;
import io.recoup.adapters.email.SmtpReminderChannel;
import io.recoup.adapters.email.SmtpSettings;
import io.recoup.bench.MachineCpu;
import io.recoup.core.id.ActionId;
import io.recoup.core.id.NoticeId;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderMessage;
import io.recoup.routes.CreditorDetails;
import io.recoup.routes.dispatch.NoticeMessages;
import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.Iban;
import io.recoup.store.dispatch.ClaimedNotice;
import io.recoup.store.dispatch.DueNotice;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The e-mail benchmark of issue 14: {@code n} reminder e-mails (one to three invoices each, five languages, the HTML
 * version with one inline EPC QR code per invoice) rendered and sent through Recoup's {@link SmtpReminderChannel},
 * against raw Jakarta Mail sends ({@link RawMail}) of the same messages, rendered beforehand and untimed, to the same
 * local GreenMail SMTP server. As dispatch does, Recoup's side renders the next notice on a second thread while the
 * current one is with the channel. Batches alternate between the two so both see the same server and JVM; the server's
 * mailboxes are emptied between batches, untimed. A batch is one dispatch run: both sides keep one SMTP connection
 * through it (a new one every {@link SmtpReminderChannel#MESSAGES_PER_CONNECTION} messages), and the server answers
 * without Nagle's delay ({@link NoDelayGreenMail}). Before anything is timed, the server must have received the same
 * message from both ({@link SameMessage}). Prints both rates and their ratio (goal >= 0.7).
 */
public final class MailBench {
    private static final int BATCH = 1_000;
    /** Notices compared before the run: one to three invoices, each of the five languages. */
    private static final int CHECKED = 15;
    /**
     * Distinct addresses the notices go to, in turn: GreenMail keeps a user per recipient and finds each by a scan of
     * all of them, so 100,000 distinct recipients made the server, not the senders, the bench's limit.
     */
    private static final int RECIPIENTS = 1_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"),
            Locale.forLanguageTag("pt"));

    private MailBench() {
    }

    public static void run(PrintStream out, int messages) {
        // as the application does when it starts; one JVM, so the baseline and GreenMail have it too
        MailStreams.nameProvider();
        GreenMail server = new NoDelayGreenMail();
        server.start();
        ExecutorService preparer = Executors.newSingleThreadExecutor();
        try {
            int port = server.getSmtp().getPort();
            SmtpSettings settings = new SmtpSettings("127.0.0.1", port, "ar@recoup.example", Optional.empty(), Optional.empty(), false);
            SmtpReminderChannel channel = new SmtpReminderChannel(settings);
            RawMail raw = new RawMail("127.0.0.1", port, "ar@recoup.example");
            NoticeMessages render = renderer();
            sameMessages(render, channel, raw, server);
            // warm-up: one batch each, not counted
            ours(render, channel, 0, Math.min(BATCH, messages), server, preparer);
            baseline(render, raw, 0, Math.min(BATCH, messages), server);
            Timed oursTotal = new Timed(0, 0);
            Timed rawTotal = new Timed(0, 0);
            for (int from = 0; from < messages; from += BATCH) {
                int to = Math.min(messages, from + BATCH);
                oursTotal = oursTotal.plus(ours(render, channel, from, to, server, preparer));
                rawTotal = rawTotal.plus(baseline(render, raw, from, to, server));
            }
            double oursRate = messages / (oursTotal.nanos() / 1e9);
            double rawRate = messages / (rawTotal.nanos() / 1e9);
            print(out, "same-message-check", "passed", "the server received the same parts and headers from both, notices 1 to " + CHECKED);
            print(out, "messages", String.valueOf(messages), "each way, in batches of " + BATCH);
            print(out, "recoup-render-and-send-per-s", String.format("%.0f", oursRate), "templates + QR codes + SMTP channel");
            print(out, "raw-jakarta-mail-send-per-s", String.format("%.0f", rawRate), "the same messages, rendered untimed");
            print(out, "ratio-recoup-to-raw", String.format("%.2f", oursRate / rawRate), "goal >= 0.7");
            if (oursTotal.cpuSeconds() >= 0 && rawTotal.cpuSeconds() >= 0) {
                print(out, "machine-cpu-ms-per-message", String.format("Recoup %.2f, raw %.2f", oursTotal.cpuSeconds() * 1000 / messages,
                        rawTotal.cpuSeconds() * 1000 / messages), "every process, while each side sent; the server's work included");
            }
        } finally {
            preparer.shutdownNow();
            server.stop();
        }
    }

    /** Dispatch's rendering with the bundled templates, on the bench's day. */
    static NoticeMessages renderer() {
        return new NoticeMessages(new MessageTemplates(MailBench::template, Locale.ENGLISH),
                new CreditorDetails("Recoup Bench GmbH", Iban.parse("DE89370400440532013000"), Bic.parse("COBADEFFXXX")),
                Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    /**
     * The notices come as dispatch reads them from the store, untimed, as the baseline's messages do. As in dispatch,
     * the next notice is rendered on a second thread while the current one is with the channel.
     */
    private static Timed ours(NoticeMessages render, SmtpReminderChannel channel, int from, int to, GreenMail server,
                              ExecutorService preparer) {
        List<DueNotice> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(notice(i));
        }
        double cpu = MachineCpu.busySeconds();
        long started = System.nanoTime();
        Future<ReminderMessage> next = preparer.submit(() -> render.message(batch.get(0)));
        for (int k = 0; k < batch.size(); k++) {
            ReminderMessage message = rendered(next);
            if (k + 1 < batch.size()) {
                DueNotice following = batch.get(k + 1);
                next = preparer.submit(() -> render.message(following));
            }
            DeliveryResult result = channel.deliver(message);
            if (!(result instanceof DeliveryResult.Sent)) {
                throw new IllegalStateException("notice " + batch.get(k).noticeId() + " was not sent: " + result);
            }
        }
        channel.endOfRun();
        Timed took = Timed.since(started, cpu);
        received(server, to - from);
        return took;
    }

    /** A side's time for its batches, and the machine's busy CPU meanwhile (-1 where unknown). */
    private record Timed(long nanos, double cpuSeconds) {
        static Timed since(long startedNanos, double cpuBefore) {
            double cpuAfter = MachineCpu.busySeconds();
            return new Timed(System.nanoTime() - startedNanos, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
        }

        Timed plus(Timed other) {
            return new Timed(nanos + other.nanos, cpuSeconds < 0 || other.cpuSeconds < 0 ? -1 : cpuSeconds + other.cpuSeconds);
        }
    }

    private static ReminderMessage rendered(Future<ReminderMessage> message) {
        try {
            return message.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the bench was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a notice could not be rendered", e.getCause());
        }
    }

    private static Timed baseline(NoticeMessages render, RawMail raw, int from, int to, GreenMail server) {
        List<ReminderMessage> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(render.message(notice(i)));
        }
        double cpu = MachineCpu.busySeconds();
        long started = System.nanoTime();
        batch.forEach(raw::send);
        raw.endOfBatch();
        Timed took = Timed.since(started, cpu);
        received(server, to - from);
        return took;
    }

    /**
     * Before anything is timed: notices of every language and number of invoices, sent once each way, reach the server
     * as the same message ({@link SameMessage}), so both sides of the ratio send the same bytes.
     */
    static void sameMessages(NoticeMessages render, SmtpReminderChannel channel, RawMail raw, GreenMail server) {
        for (int i = 0; i < CHECKED; i++) {
            ReminderMessage message = render.message(notice(i));
            if (!(channel.deliver(message) instanceof DeliveryResult.Sent)) {
                throw new IllegalStateException("the check's message " + i + " was not sent");
            }
            channel.endOfRun();
            MimeMessage ours = received(server, 1)[0];
            raw.send(message);
            raw.endOfBatch();
            SameMessage.check(ours, received(server, 1)[0]);
        }
    }

    /** Every message of the batch arrived; then the server forgets them, so memory holds one batch. */
    private static MimeMessage[] received(GreenMail server, int expected) {
        MimeMessage[] got = server.getReceivedMessages();
        if (got.length != expected) {
            throw new IllegalStateException("the server received " + got.length + " messages, not " + expected);
        }
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("cannot empty the bench's mail server", e);
        }
        return got;
    }

    /** Notice {@code i}: one to three invoices, a language in turn, amounts and numbers that vary, one of the recipients. */
    static DueNotice notice(int i) {
        List<DueNotice.Line> lines = new ArrayList<>();
        for (int k = 0; k <= i % 3; k++) {
            String number = "INV-2026-" + (i * 3 + k);
            lines.add(new DueNotice.Line(new ActionId(i * 3L + k + 1), "due-email", i * 3L + k + 1, number, TODAY.minusDays(k * 7L),
                    Money.of(String.valueOf(100 + (i * 37 + k * 11) % 9_000) + ".50", "EUR"),
                    CreditorReference.forInvoice("INV", "csv:" + number).value(), ItemStatus.OPEN, Optional.empty(), List.of(),
                    Optional.empty()));
        }
        return new DueNotice(new ClaimedNotice(new NoticeId(i + 1L), NoticeStatus.PLANNED, Channel.EMAIL, "due-email", "INV"),
                "reminder-due", 0, false, i + 1L, "Customer " + i + " GmbH", Optional.of("ap" + (i % RECIPIENTS) + "@customer.example"), Optional.empty(),
                LANGUAGES.get(i % LANGUAGES.size()), List.of(), lines);
    }

    private static Optional<String> template(String path) {
        try (InputStream in = MailBench.class.getResourceAsStream("/recoup/templates/" + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(PrintStream out, String name, String value, String note) {
        out.println("mail: " + name + " = " + value + " (" + note + ")");
    }
}
