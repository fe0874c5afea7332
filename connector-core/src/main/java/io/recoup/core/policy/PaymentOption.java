package io.recoup.core.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A way a reminder offers to pay: bank transfer (the creditor's IBAN and the RF reference, always there) or an online
 * payment link at a provider ({@code stripe}: a Checkout Session made for the notice when it is sent; {@code gocardless}:
 * a Billing Request flow that sets up a SEPA direct-debit mandate, offered only to customers without one). A step lists
 * the ones its reminders offer under {@code payment-options}; without the list it offers bank transfer only.
 */
public enum PaymentOption {
    BANK_TRANSFER, STRIPE, GOCARDLESS;

    /** The policy's spelling: {@code bank-transfer}, {@code stripe}, {@code gocardless}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<PaymentOption> parse(String label) {
        return Arrays.stream(values()).filter(o -> o.label().equals(label)).findFirst();
    }
}
