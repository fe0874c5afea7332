package io.recoup.sepa;

import java.text.Normalizer;
import java.util.Map;

/**
 * The character sets SEPA messages may carry. The EPC implementation guidelines (EPC130-08 for SDD Core, chapter
 * "Character set") allow the basic Latin set everywhere: {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space. The
 * German banks' DFÜ-Abkommen (Anlage 3) additionally accepts {@code Ä Ö Ü ä ö ü ß & * $ %} in free text.
 *
 * <p>Identifiers (mandate reference, end-to-end id, message ids) follow the stricter EPC rule for references: basic
 * Latin without space, not starting or ending with '/', and no '//' anywhere.
 */
public final class SepaText {
    private static final String BASIC_SYMBOLS = "/-?:().,'+ ";
    private static final String GERMAN_EXTRA = "ÄÖÜäöüß&*$%";
    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('Ä', "Ae"), Map.entry('Ö', "Oe"), Map.entry('Ü', "Ue"),
            Map.entry('ä', "ae"), Map.entry('ö', "oe"), Map.entry('ü', "ue"), Map.entry('ß', "ss"),
            Map.entry('Æ', "AE"), Map.entry('æ', "ae"), Map.entry('Œ', "OE"), Map.entry('œ', "oe"),
            Map.entry('Ø', "O"), Map.entry('ø', "o"), Map.entry('Ł', "L"), Map.entry('ł', "l"),
            Map.entry('Đ', "D"), Map.entry('đ', "d"), Map.entry('Þ', "Th"), Map.entry('þ', "th"),
            Map.entry('&', "+"), Map.entry('_', "-"), Map.entry('"', "'"), Map.entry('‘', "'"),
            Map.entry('’', "'"), Map.entry('“', "'"), Map.entry('”', "'"), Map.entry('–', "-"),
            Map.entry('—', "-"), Map.entry('\t', " "), Map.entry('#', "."), Map.entry(';', ","),
            Map.entry('€', "EUR"), Map.entry('@', "(at)"), Map.entry('*', "."), Map.entry('%', "Pct"),
            Map.entry('$', "USD"), Map.entry('!', "."), Map.entry('[', "("), Map.entry(']', ")"),
            Map.entry('{', "("), Map.entry('}', ")"), Map.entry('<', "("), Map.entry('>', ")"),
            Map.entry('=', "-"), Map.entry('\\', "/"), Map.entry('|', "/"), Map.entry('~', "-"));

    private SepaText() {
    }

    /** True for the EPC basic Latin set, space included. */
    public static boolean isBasic(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || BASIC_SYMBOLS.indexOf(c) >= 0;
    }

    /** True for the basic set plus the German DK extension {@code Ä Ö Ü ä ö ü ß & * $ %}. */
    public static boolean isGermanExtended(char c) {
        return isBasic(c) || GERMAN_EXTRA.indexOf(c) >= 0;
    }

    /** The first character of {@code text} outside the basic set, or -1. */
    public static int firstNonBasic(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isBasic(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Maps text into the basic set: German umlauts and ß are spelled out (ä becomes ae, as the DK recommends), other
     * Latin letters lose their diacritics (é becomes e), a few symbols get a stand-in (& becomes +). Returns null
     * when a character has no sensible stand-in (Cyrillic, Greek, CJK ...): such a name must be given in Latin
     * letters by a person, not guessed.
     */
    public static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBasic(c)) {
                out.append(c);
                continue;
            }
            String spelled = SPELLED.get(c);
            if (spelled != null) {
                out.append(spelled);
                continue;
            }
            String stripped = stripDiacritics(c);
            if (stripped == null) {
                return null;
            }
            out.append(stripped);
        }
        return out.toString();
    }

    /**
     * The reason {@code value} is not a SEPA identifier (basic Latin without space, 1 to {@code maxLength}
     * characters, no leading or trailing '/', no '//'), or null when it is one.
     */
    public static String identifierProblem(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return "it is empty";
        }
        if (value.length() > maxLength) {
            return "it has " + value.length() + " characters, at most " + maxLength + " are allowed";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || !isBasic(c)) {
                return "character '" + c + "' at position " + (i + 1)
                        + " is outside the SEPA set for identifiers (A-Z a-z 0-9 / - ? : ( ) . , ' +)";
            }
        }
        if (value.startsWith("/") || value.endsWith("/")) {
            return "it starts or ends with '/' (EPC: identifiers must not)";
        }
        if (value.contains("//")) {
            return "it contains '//' (EPC: identifiers must not)";
        }
        return null;
    }

    private static String stripDiacritics(char c) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(2);
        for (int i = 0; i < decomposed.length(); i++) {
            char part = decomposed.charAt(i);
            if (Character.getType(part) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (!isBasic(part)) {
                return null;
            }
            base.append(part);
        }
        return base.length() == 0 ? null : base.toString();
    }
}
