package io.recoup.sepa;

import java.util.regex.Pattern;

/** The paper (print) form of IBANs and creditor references: groups of four characters separated by one space. */
final class PaperForm {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private PaperForm() {
    }

    static String groupsOfFour(String electronic) {
        StringBuilder printed = new StringBuilder(electronic.length() + electronic.length() / 4);
        for (int i = 0; i < electronic.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                printed.append(' ');
            }
            printed.append(electronic.charAt(i));
        }
        return printed.toString();
    }

    /** Removes all white space and upper-cases, the normalisation both ISO 11649 and ISO 13616 prescribe. */
    static String electronic(String text) {
        return upperAscii(WHITE_SPACE.matcher(text).replaceAll(""));
    }

    /**
     * Upper-cases a-z only: the identifiers are ASCII, and a locale-aware upper-casing would turn a refused
     * character such as "ß" into the acceptable "SS".
     */
    static String upperAscii(String text) {
        StringBuilder upper = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return upper.toString();
    }
}
