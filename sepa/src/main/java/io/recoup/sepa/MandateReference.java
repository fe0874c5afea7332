package io.recoup.sepa;

/**
 * A unique mandate reference (UMR, {@code MndtRltdInf/MndtId}): chosen by the creditor, unique per creditor
 * identifier, 1 to 35 characters of the EPC set for identifiers (A-Z a-z 0-9 / - ? : ( ) . , ' +, no space), not
 * starting or ending with '/' and without '//' (EPC130-08, SEPA usage rules for identifiers). The German DK
 * schema also allows spaces; Recoup creates references every bank accepts, so it refuses them.
 */
public record MandateReference(String value) {
    public static final int MAX_LENGTH = 35;

    public MandateReference {
        String reason = SepaText.identifierProblem(value, MAX_LENGTH);
        if (reason != null) {
            throw new SepaException(SepaErrorCode.INVALID_MANDATE_REFERENCE,
                    "Invalid mandate reference " + (value == null ? "(null)" : "\"" + value + "\"") + ": " + reason);
        }
    }

    public static boolean isValid(String text) {
        return SepaText.identifierProblem(text, MAX_LENGTH) == null;
    }

    @Override
    public String toString() {
        return value;
    }
}
