package io.recoup.app;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The embedded default for SMS, calls and WhatsApp, like the local mail sink for e-mail: with no provider configured,
 * each message is written as a text file into {@code <home>/outbox/<channel>/}, named by the message's key, and goes
 * nowhere. The file says so in its first line. A message written twice is written twice ({@code <key>~2.txt}), so a
 * duplicate send shows in the folder as it would on the customer's phone.
 */
final class LocalOutbox implements ReminderChannel {
    private final Channel channel;
    private final Path folder;

    LocalOutbox(Channel channel, Path outbox) {
        this.channel = channel;
        this.folder = outbox.resolve(channel.label());
    }

    Path folder() {
        return folder;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public synchronized DeliveryResult deliver(ReminderMessage message) {
        String key = message.idempotencyKey().replaceAll("[^A-Za-z0-9@.-]", "_");
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(key + ".txt");
            for (int copy = 2; Files.exists(file); copy++) {
                file = folder.resolve(key + "~" + copy + ".txt");
            }
            Files.writeString(file, text(message), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return new DeliveryResult.Sent("local-" + channel.label() + "-" + file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + channel.label() + " message into " + folder, e);
        }
    }

    private String text(ReminderMessage message) {
        String what = switch (channel) {
            case CALL -> "call that would say";
            case WHATSAPP -> "WhatsApp template message (" + message.value("language") + ") that stands for";
            default -> channel.label().toUpperCase(Locale.ROOT) + " that would be sent";
        };
        return "# not sent: no " + channel.label() + " provider is configured (recoup.channels); the " + what + ":\n"
                + "To: " + message.recipientName() + " <" + message.recipientAddress() + ">\n"
                + (message.value("payment.link").isBlank() ? "" : "Payment link: " + message.value("payment.link") + "\n")
                + "\n" + message.body().strip() + "\n";
    }

    /** A repeat is written as a second file, as the mail sink does: the duplicate shows. */
    @Override
    public boolean deduplicates() {
        return true;
    }
}
