package io.recoup.core.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One rendered reminder for one recipient. {@code idempotencyKey} is stable for the action it comes from, so a
 * channel can let the receiving side drop a duplicate (e-mail Message-ID, provider idempotency keys). {@code body} is
 * the plain text every channel can send; a channel that shows HTML (e-mail) may send {@code html} beside it, with its
 * {@code inline} images. {@code attachments} are files sent with it (a PDF letter, or QR codes when there is no HTML).
 * {@code values} are the facts the text was filled with ({@code customer.name}, {@code amount.total},
 * {@code payment.link}, {@code language}, ...), for channels that send a provider's own template with parameters
 * instead of our text.
 */
public record ReminderMessage(String idempotencyKey, String recipientName, String recipientAddress, String subject,
                              String body, List<Attachment> attachments, Optional<String> html, List<InlineImage> inline,
                              Map<String, String> values) {
    public ReminderMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(recipientAddress, "recipientAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(html, "html");
        inline = List.copyOf(inline);
        if (html.isEmpty() && !inline.isEmpty()) {
            throw new IllegalArgumentException("inline images need an HTML body to show them");
        }
        values = Map.copyOf(values);
    }

    public ReminderMessage(String idempotencyKey, String recipientName, String recipientAddress, String subject, String body,
                           List<Attachment> attachments, Optional<String> html, List<InlineImage> inline) {
        this(idempotencyKey, recipientName, recipientAddress, subject, body, attachments, html, inline, Map.of());
    }

    public ReminderMessage(String idempotencyKey, String recipientName, String recipientAddress, String subject, String body,
                           List<Attachment> attachments, Map<String, String> values) {
        this(idempotencyKey, recipientName, recipientAddress, subject, body, attachments, Optional.empty(), List.of(), values);
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
