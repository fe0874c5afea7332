package io.recoup.core.port;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;

/**
 * The payment provider did not make the link now (down, rate-limited, the same request still running under its
 * idempotency key). Asking again later with the same request is safe and gives the same link.
 */
public final class PaymentLinkUnavailable extends RecoupException {
    public PaymentLinkUnavailable(String provider, String reason, Throwable cause) {
        super(ErrorCode.PAYMENT_LINK_UNAVAILABLE, provider + ": " + reason, cause);
    }
}
