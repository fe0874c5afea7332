package io.recoup.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedTest {
    @Test
    void showsOnlyTheCountryPrefixAndTheLastFourDigitsOfAPhoneNumber() {
        assertThat(Masked.phone("+49 151 2345 4567")).isEqualTo("+49*******4567");
        assertThat(Masked.phone("4915112345678")).isEqualTo("491******5678");
        assertThat(Masked.phone("12345")).isEqualTo("*****");
        assertThat(Masked.phone(null)).isEqualTo("-");
    }

    @Test
    void showsOnlyTheFirstLetterAndTheDomainOfAnEmailAddress() {
        assertThat(Masked.email("jane.doe@example.com")).isEqualTo("j***@example.com");
        assertThat(Masked.email("not-an-address")).isEqualTo("***");
        assertThat(Masked.address("+49 151 2345 4567")).isEqualTo("+49*******4567");
        assertThat(Masked.address("jane.doe@example.com")).isEqualTo("j***@example.com");
    }
}
