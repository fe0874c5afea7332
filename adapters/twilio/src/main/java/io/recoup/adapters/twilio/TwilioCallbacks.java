package io.recoup.adapters.twilio;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Twilio's status callbacks (already verified) into delivery reports: an SMS's {@code MessageSid} with its
 * {@code MessageStatus} (sent, delivered, read, undelivered, failed; with {@code ErrorCode}), a call's {@code CallSid}
 * with its {@code CallStatus} (completed, busy, no-answer, failed, canceled). The in-between states (queued, sending,
 * ringing, in-progress) report nothing.
 */
public final class TwilioCallbacks {
    private TwilioCallbacks() {
    }

    /** The report in one callback's POST parameters, or empty when it says nothing we keep. */
    public static Optional<DeliveryStatus> read(Map<String, String> params, Instant receivedAt) {
        if (params.containsKey("MessageSid") && params.containsKey("MessageStatus")) {
            return smsKind(params.get("MessageStatus")).map(kind -> new DeliveryStatus(Channel.SMS, params.get("MessageSid"), kind,
                    reason(params.get("MessageStatus"), params.get("ErrorCode")), receivedAt));
        }
        if (params.containsKey("CallSid") && params.containsKey("CallStatus")) {
            return callKind(params.get("CallStatus")).map(kind -> new DeliveryStatus(Channel.CALL, params.get("CallSid"), kind,
                    reason(params.get("CallStatus"), params.get("ErrorCode")), receivedAt));
        }
        return Optional.empty();
    }

    private static Optional<DeliveryStatus.Kind> smsKind(String status) {
        return Optional.ofNullable(switch (status) {
            case "sent" -> DeliveryStatus.Kind.SENT;
            case "delivered" -> DeliveryStatus.Kind.DELIVERED;
            case "read" -> DeliveryStatus.Kind.READ;
            case "undelivered", "failed" -> DeliveryStatus.Kind.FAILED;
            default -> null;
        });
    }

    private static Optional<DeliveryStatus.Kind> callKind(String status) {
        return Optional.ofNullable(switch (status) {
            case "completed" -> DeliveryStatus.Kind.DELIVERED;
            case "busy", "no-answer", "failed", "canceled" -> DeliveryStatus.Kind.FAILED;
            default -> null;
        });
    }

    private static String reason(String status, String errorCode) {
        return errorCode == null || errorCode.isBlank() ? status : status + " (twilio error " + errorCode + ")";
    }
}
