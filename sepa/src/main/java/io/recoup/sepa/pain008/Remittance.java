package io.recoup.sepa.pain008;

import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.util.Objects;

/**
 * {@code DrctDbtTxInf/RmtInf}: either one unstructured line ({@code Ustrd}, ≤ 140) or a structured ISO 11649
 * creditor reference ({@code Strd/CdtrRefInf} with type SCOR, issuer ISO); EPC allows one of the two, not both.
 */
public sealed interface Remittance {

    record Unstructured(String text) implements Remittance {
        public Unstructured {
            if (text == null || text.isBlank() || Texts.length(text) > 140) {
                throw new SepaException(SepaErrorCode.INVALID_TEXT,
                        "Unstructured remittance must be 1 to 140 characters: " + text);
            }
        }
    }

    record Structured(CreditorReference reference) implements Remittance {
        public Structured {
            Objects.requireNonNull(reference, "reference");
        }
    }

    static Remittance text(String text) {
        return new Unstructured(text);
    }

    static Remittance reference(CreditorReference reference) {
        return new Structured(reference);
    }
}
