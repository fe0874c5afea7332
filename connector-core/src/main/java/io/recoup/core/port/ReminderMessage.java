package io.recoup.core.port;

import java.util.List;
import java.util.Objects;

/**
 * One rendered reminder for one recipient. {@code idempotencyKey} is stable for the action it comes from, so a
 * channel can let the receiving side drop a duplicate (e-mail Message-ID, provider idempotency keys).
 */
public record ReminderMessage(String idempotencyKey, String recipientName, String recipientAddress, String subject,
                              String body, List<Attachment> attachments) {
    public ReminderMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(recipientAddress, "recipientAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
    }

    public ReminderMessage(String idempotencyKey, String recipientName, String recipientAddress, String subject, String body) {
        this(idempotencyKey, recipientName, recipientAddress, subject, body, List.of());
    }
}
