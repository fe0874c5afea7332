package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.adapters.email.SmtpReminderChannel;
import io.recoup.adapters.email.SmtpSettings;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mail sink shows what a customer's mailbox would: a message delivered twice is there twice. */
class LocalMailSinkIT {
    private static final ReminderMessage REMINDER = new ReminderMessage("notice-7", "Acme", "ap@acme.example", "Payment due",
            "Please pay.", List.of());

    @Test
    void aMessageDeliveredAgainAfterARestartIsWrittenBesideTheFirstCopy(@TempDir Path folder) throws IOException {
        try (LocalMailSink first = new LocalMailSink(folder)) {
            channel(first).deliver(REMINDER);
        }
        try (LocalMailSink afterRestart = new LocalMailSink(folder)) {
            channel(afterRestart).deliver(REMINDER);
            assertThat(afterRestart.takeWritten()).extracting(p -> p.getFileName().toString()).containsExactly("notice-7@recoup~2.eml");
        }
        assertThat(files(folder)).containsExactly("notice-7@recoup.eml", "notice-7@recoup~2.eml");
    }

    @Test
    void aMessageDeliveredTwiceInOneRunIsWrittenTwice(@TempDir Path folder) throws IOException {
        try (LocalMailSink sink = new LocalMailSink(folder)) {
            ReminderChannel channel = channel(sink);
            channel.deliver(REMINDER);
            channel.deliver(REMINDER);
            sink.flush();
        }
        assertThat(files(folder)).containsExactly("notice-7@recoup.eml", "notice-7@recoup~2.eml");
    }

    private static ReminderChannel channel(LocalMailSink sink) {
        return sink.writingAfterEachSend(new SmtpReminderChannel(new SmtpSettings("127.0.0.1", sink.port(), "ar@recoup.example",
                Optional.empty(), Optional.empty(), false)));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
