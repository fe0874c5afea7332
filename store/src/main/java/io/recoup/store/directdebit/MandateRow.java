package io.recoup.store.directdebit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A SEPA direct-debit mandate as stored: plain values, because the store knows nothing of the sepa module. The
 * routes turn it into the sepa {@code Mandate} (which checks the lifecycle) and back. Identifiers are kept in their
 * electronic form (no spaces).
 *
 * @param amendment the change the next collection must report; present exactly when the state is {@code AMENDED}
 * @param address   the debtor's postal address, or null (required only for debtors outside the EEA)
 */
public record MandateRow(String creditorId, String reference, String debtorName, String debtorIban, String debtorBic,
                         LocalDate signatureDate, String scheme, String type, String state, LocalDate lastCollectionDate,
                         Amendment amendment, Address address) {

    private static final Set<String> STATES = Set.of("PENDING_SIGNATURE", "ACTIVE", "AMENDED", "COMPLETED", "CANCELLED",
            "LAPSED", "FAILED");

    public MandateRow {
        Objects.requireNonNull(creditorId, "creditorId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(debtorName, "debtorName");
        Objects.requireNonNull(debtorIban, "debtorIban");
        if (!Set.of("CORE", "B2B").contains(scheme)) {
            throw new IllegalArgumentException("mandate " + reference + ": scheme must be CORE or B2B, not " + scheme);
        }
        if (!Set.of("RECURRENT", "ONE_OFF").contains(type)) {
            throw new IllegalArgumentException("mandate " + reference + ": type must be RECURRENT or ONE_OFF, not " + type);
        }
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("mandate " + reference + ": unknown state " + state);
        }
    }

    /** The values as they were at the last collection, for {@code AmdmntInfDtls}; a null field did not change. */
    public record Amendment(String originalReference, String originalCreditorId, String originalDebtorIban,
                            boolean debtorBankChanged) {}

    /** A structured or hybrid postal address: town and country at least. */
    public record Address(String street, String building, String postCode, String town, String country) {
        public Address {
            Objects.requireNonNull(town, "town");
            Objects.requireNonNull(country, "country");
        }
    }
}
