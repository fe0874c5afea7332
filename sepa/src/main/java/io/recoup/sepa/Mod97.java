package io.recoup.sepa;

/**
 * ISO 7064 MOD 97-10 over an alphanumeric string, letters counted as two digits (A=10 .. Z=35), the arithmetic
 * shared by ISO 11649 creditor references, IBANs and SEPA creditor identifiers. A running remainder keeps it exact
 * without BigInteger.
 */
final class Mod97 {
    private Mod97() {
    }

    /** The remainder mod 97 of the number written by {@code text}; callers guarantee A-Z and 0-9 only. */
    static int remainder(CharSequence text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder;
    }

    static boolean isUpperAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
