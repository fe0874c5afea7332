package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaText;

/**
 * What happens to names, addresses and remittance text outside the character set a bank accepts. Every policy
 * first brings the text into Unicode NFC, so a decomposed letter (e plus a combining acute) counts as the letter.
 */
public enum CharsetPolicy {
    /**
     * EPC basic Latin only; other Latin letters are transliterated (ä to ae, é to e), common symbols and spaces get a
     * stand-in ({@link SepaText#standIn}), other scripts are refused.
     */
    TRANSLITERATE,
    /** EPC basic Latin only; any other character refuses the collection, for callers who clean text themselves. */
    REFUSE,
    /** The DK extended set (basic + Ä Ö Ü ä ö ü ß & * $ %) kept as is, everything else transliterated as above. */
    GERMAN_DK;

    /** {@code text} in the accepted set, or null when it cannot be brought there ({@link #firstRefused} says why). */
    String apply(String text) {
        return SepaText.map(text, this::map);
    }

    /** The first character of {@code text} (in NFC) that this policy can neither keep nor replace, or -1. */
    int firstRefused(String text) {
        return SepaText.firstUnmapped(text, this::map);
    }

    private String map(int codePoint) {
        return switch (this) {
            case REFUSE -> SepaText.isBasic(codePoint) ? Character.toString(codePoint) : null;
            case TRANSLITERATE -> SepaText.standIn(codePoint);
            case GERMAN_DK -> SepaText.isGermanExtended(codePoint) ? Character.toString(codePoint)
                    : SepaText.standIn(codePoint);
        };
    }
}
