package io.recoup.store.receipt;

import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A payment as received, before matching. (provider, providerId) is its identity across replays. {@code references}
 * are the structured references the payer's bank carried (several for a payment of several invoices; {@code
 * reference} is the first), {@code bankReferences} the bank's own ids of the payment, which a later return quotes.
 */
public record NewReceipt(String provider, String providerId, Money amount, LocalDate bookedOn, LocalDate valueDate,
                         List<String> references, String remittance, String payerName, String payerIban, String origin,
                         Set<String> bankReferences) {
    public NewReceipt {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(origin, "origin");
        references = references == null ? List.of() : references.stream().filter(Objects::nonNull).toList();
        bankReferences = bankReferences == null ? Set.of() : Set.copyOf(bankReferences);
    }

    /** A payment with at most one structured reference and no bank ids (direct-debit settlement, providers). */
    public NewReceipt(String provider, String providerId, Money amount, LocalDate bookedOn, LocalDate valueDate,
                      String reference, String remittance, String payerName, String payerIban, String origin) {
        this(provider, providerId, amount, bookedOn, valueDate, reference == null ? List.of() : List.of(reference), remittance,
                payerName, payerIban, origin, Set.of());
    }

    /** The first structured reference, or null. */
    public String reference() {
        return references.isEmpty() ? null : references.get(0);
    }
}
