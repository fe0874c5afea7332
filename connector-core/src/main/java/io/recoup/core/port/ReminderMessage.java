package io.recoup.core.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered reminder for one recipient. {@code idempotencyKey} is stable for the action it comes from, so a
 * channel can let the receiving side drop a duplicate (e-mail Message-ID, provider idempotency keys). {@code values}
 * are the facts the text was filled with ({@code customer.name}, {@code amount.total}, {@code payment.link},
 * {@code language}, ...), for channels that send a provider's own template with parameters instead of our text.
 */
public record ReminderMessage(String idempotencyKey, String recipientName, String recipientAddress, String subject,
                              String body, List<Attachment> attachments, Map<String, String> values) {
    public ReminderMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(recipientAddress, "recipientAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
        values = Map.copyOf(values);
    }

    public ReminderMessage(String idempotencyKey, String recipientName, String recipientAddress, String subject, String body,
                           List<Attachment> attachments) {
        this(idempotencyKey, recipientName, recipientAddress, subject, body, attachments, Map.of());
    }

    public ReminderMessage(String idempotencyKey, String recipientName, String recipientAddress, String subject, String body) {
        this(idempotencyKey, recipientName, recipientAddress, subject, body, List.of(), Map.of());
    }

    /** The value the text was filled with under {@code name}, or "" when it had none. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    @Override
    public String toString() {
        // a message is personal data: its address and text never reach a log through toString
        return "ReminderMessage[" + idempotencyKey + "]";
    }
}
