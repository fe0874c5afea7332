package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A received payment as the matcher sees it: amount, the structured references the payer's bank carried (RF creditor
 * references, an end-to-end id), the free text, and who paid (name and IBAN as the statement reports them, either may
 * be null).
 */
public record ReceiptToMatch(long receiptId, Money amount, List<String> references, String remittanceText, String payerName,
                             String payerIban, LocalDate bookedOn) {
    public ReceiptToMatch {
        Objects.requireNonNull(amount, "amount");
        references = references == null || references.isEmpty() ? List.of()
                : references.stream().filter(Objects::nonNull).toList();
        remittanceText = remittanceText == null ? "" : remittanceText;
    }
}
