package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/** A received payment as the matcher sees it: amount, structured reference (RF) if any, and the free text. */
public record ReceiptToMatch(long receiptId, Money amount, Optional<String> structuredReference, String remittanceText) {
    public ReceiptToMatch {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(structuredReference, "structuredReference");
        remittanceText = remittanceText == null ? "" : remittanceText;
    }
}
