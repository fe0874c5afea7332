package io.recoup.core.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RF creditor references (ISO 11649) as the matcher meets them: structured, or typed into the free text with spaces
 * and in lower case ({@code rf71 2348 231}). Only a reference whose ISO 7064 MOD 97-10 check holds is used, so a typo
 * in a reference almost never names another invoice.
 */
final class CreditorReferences {
    private static final int MAX_LENGTH = 25;

    private CreditorReferences() {
    }

    /** The electronic form (no spaces, upper case) when the text is a valid RF reference, else null. */
    static String valid(String text) {
        if (text == null) {
            return null;
        }
        String electronic = text.replace(" ", "").toUpperCase(Locale.ROOT);
        return isValid(electronic) ? electronic : null;
    }

    /** Every valid RF reference in the free text, longest reading first at each place one starts. */
    static List<String> inText(String text) {
        if (!mentionsRf(text)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        String upper = text.toUpperCase(Locale.ROOT);
        for (int at = upper.indexOf("RF"); at >= 0; at = upper.indexOf("RF", at + 2)) {
            if (at > 0 && Character.isLetterOrDigit(upper.charAt(at - 1))) {
                continue;
            }
            StringBuilder compact = new StringBuilder();
            List<String> readings = new ArrayList<>();
            for (int i = at; i < upper.length() && compact.length() < MAX_LENGTH; i++) {
                char c = upper.charAt(i);
                if (c == ' ' && i + 1 < upper.length() && Character.isLetterOrDigit(upper.charAt(i + 1))) {
                    continue;
                }
                if (!Character.isLetterOrDigit(c)) {
                    break;
                }
                compact.append(c);
                boolean endsHere = i + 1 == upper.length() || !Character.isLetterOrDigit(upper.charAt(i + 1));
                if (endsHere && isValid(compact.toString())) {
                    readings.add(0, compact.toString());
                }
            }
            found.addAll(readings);
        }
        return found;
    }

    /** Whether "rf" (any case) appears at all: most texts need no closer look. */
    private static boolean mentionsRf(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'R' || c == 'r') && (text.charAt(i + 1) == 'F' || text.charAt(i + 1) == 'f')) {
                return true;
            }
        }
        return false;
    }

    static boolean isValid(String electronic) {
        if (electronic.length() < 5 || electronic.length() > MAX_LENGTH || !electronic.startsWith("RF")
                || !Character.isDigit(electronic.charAt(2)) || !Character.isDigit(electronic.charAt(3))) {
            return false;
        }
        String rearranged = electronic.substring(4) + electronic.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                value = c - 'A' + 10;
            } else {
                return false;
            }
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }
}
