package io.recoup.core.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Invoice numbers as payers write them. An invoice is found by two keys: its letters and digits ({@code A:INV202600141})
 * and its groups of digits without leading zeros ({@code D:2026.141}), so {@code INV-2026-00141}, {@code inv 2026
 * 00141}, {@code Rechnung 2026/00141} and {@code RE-2026-141} all name it. The free text is read word by word (a word
 * may hold {@code - / . _}) and in runs of up to three neighbouring words whose later words start with a digit (a
 * number written with spaces). Short keys (fewer than three digits) are
 * never used: they would name too many invoices.
 */
final class InvoiceNumbers {
    private static final int MAX_WORDS = 3;
    private static final int MIN_DIGITS = 3;

    private InvoiceNumbers() {
    }

    /** The keys one invoice number is found by. */
    static List<String> keysOf(String number) {
        List<String> keys = new ArrayList<>(2);
        addKeys(number, keys);
        return keys;
    }

    /** Every key the text may name, in the order found (a key may come twice; a lookup does not mind). */
    static List<String> keysIn(String text) {
        List<String> words = words(text);
        List<String> keys = new ArrayList<>();
        List<String> scratch = new ArrayList<>(2);
        for (int start = 0; start < words.size(); start++) {
            StringBuilder run = new StringBuilder();
            for (int end = start; end < Math.min(words.size(), start + MAX_WORDS); end++) {
                // a number is written apart only before a group of digits ("inv 2026 00141", "RE 2026-141")
                if (end > start && !Character.isDigit(words.get(end).charAt(0))) {
                    break;
                }
                run.append(end > start ? "-" : "").append(words.get(end));
                scratch.clear();
                addKeys(run.toString(), scratch);
                keys.addAll(scratch);
            }
        }
        return keys;
    }

    private static void addKeys(String written, List<String> keys) {
        StringBuilder alnum = new StringBuilder(written.length());
        StringBuilder groups = new StringBuilder();
        int digits = 0;
        boolean inGroup = false;
        boolean leading = true;
        for (int i = 0; i < written.length(); i++) {
            char c = Character.toUpperCase(written.charAt(i));
            boolean digit = c >= '0' && c <= '9';
            if (digit || (c >= 'A' && c <= 'Z')) {
                alnum.append(c);
            }
            if (digit) {
                digits++;
                if (!inGroup) {
                    groups.append(groups.isEmpty() ? "" : ".");
                    inGroup = true;
                    leading = true;
                }
                if (c != '0' || !leading) {
                    groups.append(c);
                    leading = false;
                }
            } else if (inGroup) {
                closeGroup(groups, leading);
                inGroup = false;
            }
        }
        if (inGroup) {
            closeGroup(groups, leading);
        }
        if (digits >= MIN_DIGITS) {
            keys.add("A:" + alnum);
            keys.add("D:" + groups);
        }
    }

    /** A group of zeros only is the number 0. */
    private static void closeGroup(StringBuilder groups, boolean onlyZeros) {
        if (onlyZeros) {
            groups.append('0');
        }
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '/' || c == '.' || c == '_') {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(trimmed(word));
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(trimmed(word));
        }
        words.removeIf(String::isEmpty);
        return words;
    }

    /** A word without the punctuation around it ("INV-1.", ".2026"). */
    private static String trimmed(StringBuilder word) {
        int from = 0;
        int to = word.length();
        while (from < to && !Character.isLetterOrDigit(word.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(word.charAt(to - 1))) {
            to--;
        }
        return word.substring(from, to).toUpperCase(Locale.ROOT);
    }
}
