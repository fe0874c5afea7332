package io.recoup.core.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a step's formal letter goes with its reminder ({@code letter: pdf}): a PDF of the same template and values,
 * attached to the e-mail, with the late charges itemised. A step without {@code letter} sends none.
 */
public enum LetterFormat {
    PDF;

    /** The policy's spelling: {@code pdf}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LetterFormat> parse(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equals(label)).findFirst();
    }
}
