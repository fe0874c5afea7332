package io.recoup.sepa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of ISO 11649 over many seeded random bodies. A plain BigInteger transcription of DOMAIN.md Appendix A
 * serves as the independent oracle.
 */
class CreditorReferencePropertyTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LETTERS = ALPHABET.substring(0, 26);
    private static final String DIGITS = ALPHABET.substring(26);
    private static final int ITERATIONS = 5_000;

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20260115L})
    void everyBuiltReferenceParsesBackFromElectronicAndPaperForm(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < ITERATIONS; i++) {
            String body = randomBody(random);

            CreditorReference built = CreditorReference.forBody(body);

            assertThat(built.value()).isEqualTo("RF" + built.value().substring(2, 4) + body).hasSizeLessThanOrEqualTo(25);
            assertThat(CreditorReference.parse(built.value())).isEqualTo(built);
            assertThat(CreditorReference.parse(built.printFormat().toLowerCase())).isEqualTo(built);
            assertThat(oracleIsValid(built.value())).as(built.value()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7L, 99L, 4711L})
    void changingAnyCharacterForOneOfTheSameKindMakesTheReferenceInvalid(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < ITERATIONS; i++) {
            String valid = CreditorReference.forBody(randomBody(random)).value();
            int position = random.nextInt(valid.length());
            char original = valid.charAt(position);
            String sameKind = Character.isDigit(original) ? DIGITS : LETTERS;
            char replacement = otherThan(original, sameKind, random);

            String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);

            assertThat(CreditorReference.isValid(changed)).as("%s -> %s", valid, changed).isFalse();
        }
    }

    /**
     * A digit swapped for a letter (or back) changes how many digits the number has, and mod 97 then misses about one
     * change in 97. The property that holds is that our check agrees with the arithmetic for every such change.
     */
    @ParameterizedTest
    @ValueSource(longs = {3L, 1234L, 987654321L})
    void changingAnyCharacterIsJudgedExactlyAsTheModNinetySevenArithmeticSays(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < ITERATIONS; i++) {
            String valid = CreditorReference.forBody(randomBody(random)).value();
            int position = random.nextInt(valid.length());
            char replacement = otherThan(valid.charAt(position), ALPHABET, random);

            String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);

            assertThat(CreditorReference.isValid(changed)).as("%s -> %s", valid, changed).isEqualTo(oracleIsValid(changed));
        }
    }

    @Test
    void aDigitReplacedByALetterCanSlipThroughTheCheckAsIso7064Allows() {
        // Both valid: "2348231RF71" and "2H48231RF71" have remainder 1 (checked with python3).
        assertThat(CreditorReference.isValid("RF712348231")).isTrue();
        assertThat(CreditorReference.isValid("RF712H48231")).isTrue();
    }

    private static String randomBody(Random random) {
        int length = 1 + random.nextInt(21);
        StringBuilder body = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return body.toString();
    }

    private static char otherThan(char original, String choices, Random random) {
        char replacement;
        do {
            replacement = choices.charAt(random.nextInt(choices.length()));
        } while (replacement == original);
        return replacement;
    }

    /** DOMAIN.md Appendix A, literally: RF prefix, 2 digits, 1..21 alphanumerics, rearranged number mod 97 == 1. */
    private static boolean oracleIsValid(String reference) {
        if (!reference.matches("RF[0-9]{2}[A-Z0-9]{1,21}")) {
            return false;
        }
        String rearranged = reference.substring(4) + reference.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
