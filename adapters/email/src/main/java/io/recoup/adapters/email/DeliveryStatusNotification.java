package io.recoup.adapters.email;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryStatus;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a delivery status notification (RFC 3464): a {@code multipart/report; report-type=delivery-status} whose
 * {@code message/delivery-status} part says, per recipient, {@code Action: failed} with a {@code Status} (5.x.x) and
 * a {@code Diagnostic-Code}, and whose returned part ({@code message/rfc822} or {@code text/rfc822-headers}) carries the
 * Message-ID of the message that failed: ours are {@code <notice-<id>@recoup>}. A delayed or delivered report, or a
 * message that is not a DSN, is not a bounce.
 */
public final class DeliveryStatusNotification {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");
    private static final Pattern FIELD = Pattern.compile("(?im)^(Action|Status|Diagnostic-Code|Final-Recipient):\\s*(.+)$");

    private DeliveryStatusNotification() {
    }

    /** The bounce {@code message} reports, or why it is not one. */
    public static Result read(Part message, Instant receivedAt) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof Multipart report)) {
            return new Result(Optional.empty(), "not a multipart/report");
        }
        String status = null;
        String returned = null;
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                status = text(part);
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                returned = text(part);
            }
        }
        if (status == null) {
            return new Result(Optional.empty(), "a report without a message/delivery-status part");
        }
        String action = "";
        String code = "";
        String diagnostic = "";
        Matcher field = FIELD.matcher(status);
        while (field.find()) {
            String value = field.group(2).strip();
            switch (field.group(1).toLowerCase(Locale.ROOT)) {
                case "action" -> action = value.toLowerCase(Locale.ROOT);
                case "status" -> code = value;
                case "diagnostic-code" -> diagnostic = value;
                default -> { }
            }
        }
        if (!action.equals("failed")) {
            return new Result(Optional.empty(), "a report of action '" + action + "', not of a failure");
        }
        Matcher id = MESSAGE_ID.matcher(returned == null ? "" : returned);
        if (!id.find()) {
            return new Result(Optional.empty(), "a failure report that does not name the Message-ID it is about");
        }
        String reason = (code + " " + diagnostic).strip();
        return new Result(Optional.of(new DeliveryStatus(Channel.EMAIL, id.group(1), DeliveryStatus.Kind.BOUNCED, reason,
                receivedAt)), "");
    }

    /** A bounce, or empty with why the message is not one. */
    public record Result(Optional<DeliveryStatus> bounce, String notABounce) {}

    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
        }
    }
}
