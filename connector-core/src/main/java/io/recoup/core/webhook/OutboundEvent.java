package io.recoup.core.webhook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One of our events as a subscribed tool receives it: its {@code type} ({@code item.paid}, ...) and its {@code data},
 * flat text values in a fixed order (amounts as plain decimal text, so no receiver reads money through a double).
 * {@link OutboundEvents#of} makes them from the event log's records; {@link #TYPES} lists every type a subscription may
 * ask for.
 */
public record OutboundEvent(String type, Map<String, String> data) {
    public static final String ITEM_PAID = "item.paid";
    public static final String ITEM_CLOSED = "item.closed";
    public static final String PAYMENT_RETURNED = "payment.returned";
    public static final String PROMISE_BROKEN = "promise.broken";
    public static final String PAYMENT_PLAN_BROKEN = "payment_plan.broken";
    public static final String EXCEPTION_RAISED = "exception.raised";
    public static final String NOTICE_PARKED = "notice.parked";
    public static final String NOTICE_FAILED = "notice.failed";
    public static final String DIRECT_DEBIT_RETURNED = "direct_debit.returned";

    /** Every type, in the order the README lists them. */
    public static final List<String> TYPES = List.of(ITEM_PAID, ITEM_CLOSED, PAYMENT_RETURNED, PROMISE_BROKEN, PAYMENT_PLAN_BROKEN,
            EXCEPTION_RAISED, NOTICE_PARKED, NOTICE_FAILED, DIRECT_DEBIT_RETURNED);

    public OutboundEvent {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("'" + type + "' is not an outbound event type: " + TYPES);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        data.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), value));
        data = Collections.unmodifiableMap(copy);
    }

    /** The data as a JSON object; a null value is JSON null. */
    public String dataJson() {
        StringBuilder json = new StringBuilder("{");
        data.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, key).append(':');
            if (value == null) {
                json.append("null");
            } else {
                quote(json, value);
            }
        });
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    // the other control characters, and the two separators JavaScript's JSON.parse once refused
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
