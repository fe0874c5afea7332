package io.recoup.store.receipt;

import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/** A payment as received, before matching. (provider, providerId) is its identity across replays. */
public record NewReceipt(String provider, String providerId, Money amount, LocalDate bookedOn, LocalDate valueDate,
                         String reference, String remittance, String payerName, String payerIban, String origin) {
    public NewReceipt {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(origin, "origin");
    }
}
