package io.recoup.sepa.pain008;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import java.util.Objects;

/**
 * The collecting party of a file: {@code PmtInf/Cdtr/Nm} (≤ 70), {@code CdtrAcct/Id/IBAN}, {@code CdtrAgt} (BIC,
 * or NOTPROVIDED when null) and {@code CdtrSchmeId} (the SEPA creditor identifier).
 */
public record Creditor(String name, Iban iban, Bic bic, CreditorIdentifier creditorId, PostalAddress address) {

    public Creditor {
        Texts.requireName("creditor name", name);
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(creditorId, "creditorId");
    }
}
