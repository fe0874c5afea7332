package io.recoup.sepa;

import java.text.Normalizer;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The character sets SEPA messages may carry. The EPC implementation guidelines (EPC130-08 for SDD Core, chapter
 * "Character set") allow the basic Latin set everywhere: {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space. The
 * German banks' DFÜ-Abkommen (Anlage 3) additionally accepts {@code Ä Ö Ü ä ö ü ß & * $ %} in free text.
 *
 * <p>Free text is brought into the basic set in the spirit of the EPC's conversion table (EPC217-08, "SEPA
 * Requirements for an Extended Character Set - Best Practices"): first Unicode NFC, so a letter typed as base plus
 * combining mark (e followed by U+0301 COMBINING ACUTE ACCENT) is the same as the precomposed one (é); then each
 * character gets a stand-in ({@link #standIn}). Characters without a sensible stand-in (other scripts) are refused,
 * never guessed.
 *
 * <p>Identifiers (mandate reference, end-to-end id, message ids) follow the stricter EPC rule for references: basic
 * Latin without space, not starting or ending with '/', and no '//' anywhere.
 */
public final class SepaText {
    private static final String BASIC_SYMBOLS = "/-?:().,'+ ";
    private static final String GERMAN_EXTRA = "ÄÖÜäöüß&*$%";
    /*
     * Stand-ins chosen here, where neither a canonical nor a compatibility decomposition gives one. Documented
     * choices: the dotless ı is the letter i without its dot; ° becomes o, because in names and addresses it almost
     * always stands for the ordinal indicator º (N° 5, 1° piano), whose compatibility form is o; § becomes "Par."
     * (Paragraph, as § is read in German and French legal text: "gem. Par. 288 BGB").
     */
    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('Ä', "Ae"), Map.entry('Ö', "Oe"), Map.entry('Ü', "Ue"),
            Map.entry('ä', "ae"), Map.entry('ö', "oe"), Map.entry('ü', "ue"), Map.entry('ß', "ss"),
            Map.entry('Æ', "AE"), Map.entry('æ', "ae"), Map.entry('Œ', "OE"), Map.entry('œ', "oe"),
            Map.entry('Ø', "O"), Map.entry('ø', "o"), Map.entry('Ł', "L"), Map.entry('ł', "l"),
            Map.entry('Đ', "D"), Map.entry('đ', "d"), Map.entry('Þ', "Th"), Map.entry('þ', "th"),
            Map.entry('ı', "i"), Map.entry('°', "o"), Map.entry('§', "Par."),
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

    /** True for the basic set; a code point outside the Basic Multilingual Plane never is. */
    public static boolean isBasic(int codePoint) {
        return codePoint <= Character.MAX_VALUE && isBasic((char) codePoint);
    }

    /** True for the basic set plus the German DK extension; a code point outside the BMP never is. */
    public static boolean isGermanExtended(int codePoint) {
        return codePoint <= Character.MAX_VALUE && isGermanExtended((char) codePoint);
    }

    /**
     * Maps text into the basic set: NFC first, then {@link #standIn} for each character. Returns null when a
     * character has no sensible stand-in (Cyrillic, Greek, CJK ...): such a name must be given in Latin letters by a
     * person, not guessed; {@link #firstUnmapped} names the character.
     */
    public static String transliterate(String text) {
        return map(text, SepaText::standIn);
    }

    /**
     * The basic-set text for one character, or null when there is none: basic characters stay; German umlauts and ß
     * are spelled out (ä becomes ae, as the DK recommends), a few letters and symbols get a stand-in (& becomes +, ı
     * becomes i, see {@code SPELLED}); any space (no-break, narrow, ...) becomes a space; invisible format characters
     * (soft hyphen, zero-width space, byte order mark) and combining marks left after NFC are dropped; everything else
     * takes its compatibility decomposition without diacritics (é to e, ﬁ to fi, … to ..., º to o) when that is basic
     * Latin.
     */
    public static String standIn(int codePoint) {
        if (isBasic(codePoint)) {
            return Character.toString(codePoint);
        }
        String spelled = codePoint <= Character.MAX_VALUE ? SPELLED.get((char) codePoint) : null;
        if (spelled != null) {
            return spelled;
        }
        int type = Character.getType(codePoint);
        if (type == Character.SPACE_SEPARATOR) {
            return " ";
        }
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK) {
            return "";
        }
        return withoutDiacritics(codePoint);
    }

    /** {@code text} in NFC with each character replaced by {@code perCharacter}'s result; null if one gives null. */
    public static String map(String text, IntFunction<String> perCharacter) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length() + 8);
        for (int i = 0; i < nfc.length(); ) {
            int codePoint = nfc.codePointAt(i);
            String mapped = perCharacter.apply(codePoint);
            if (mapped == null) {
                return null;
            }
            out.append(mapped);
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** The first character of {@code text} in NFC for which {@code perCharacter} gives null, or -1. */
    public static int firstUnmapped(String text, IntFunction<String> perCharacter) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).codePoints()
                .filter(codePoint -> perCharacter.apply(codePoint) == null).findFirst().orElse(-1);
    }

    /** A character for a message: itself in quotes, code point and Unicode name, e.g. {@code 'И' (U+0418 CYRILLIC ...)}. */
    public static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return "'" + Character.toString(codePoint) + "' (U+" + String.format("%04X", codePoint)
                + (name == null ? "" : " " + name) + ")";
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

    private static String withoutDiacritics(int codePoint) {
        String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD);
        StringBuilder base = new StringBuilder(3);
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
