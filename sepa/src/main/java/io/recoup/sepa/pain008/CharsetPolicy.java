package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaText;

/**
 * What happens to names, addresses and remittance text outside the character set a bank accepts.
 */
public enum CharsetPolicy {
    /** EPC basic Latin only; other Latin letters are transliterated (ä to ae, é to e), other scripts refused. */
    TRANSLITERATE,
    /** EPC basic Latin only; any other character refuses the collection, for callers who clean text themselves. */
    REFUSE,
    /** The DK extended set (basic + Ä Ö Ü ä ö ü ß & * $ %) kept as is, everything else transliterated as above. */
    GERMAN_DK;

    /** {@code text} in the accepted set, or null when it cannot be brought there. */
    String apply(String text) {
        return switch (this) {
            case REFUSE -> SepaText.firstNonBasic(text) < 0 ? text : null;
            case TRANSLITERATE -> SepaText.transliterate(text);
            case GERMAN_DK -> germanDk(text);
        };
    }

    private static String germanDk(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SepaText.isGermanExtended(c)) {
                out.append(c);
            } else {
                String mapped = SepaText.transliterate(String.valueOf(c));
                if (mapped == null) {
                    return null;
                }
                out.append(mapped);
            }
        }
        return out.toString();
    }
}
