package io.recoup.sepa.pain008;

import io.recoup.sepa.Bic;
import io.recoup.sepa.Iban;
import java.util.Objects;

/**
 * The paying party of one collection: {@code Dbtr/Nm} (≤ 70), {@code Dbtr/PstlAdr} (required by the EPC only when
 * the debtor's bank is outside the EEA), {@code DbtrAcct/Id/IBAN} and {@code DbtrAgt} (BIC or NOTPROVIDED).
 */
public record Debtor(String name, Iban iban, Bic bic, PostalAddress address) {

    public Debtor {
        Texts.requireName("debtor name", name);
        Objects.requireNonNull(iban, "iban");
    }
}
