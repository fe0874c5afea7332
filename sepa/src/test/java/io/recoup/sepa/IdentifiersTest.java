package io.recoup.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mandate reference and end-to-end id: length, the EPC identifier character set and the '/' rules. */
class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"M-2026-000123", "ABC/123", "A", "abc+?:().,'-x", "12345678901234567890123456789012345"})
    void acceptsMandateReferencesInTheSepaSet(String value) {
        assertThat(new MandateReference(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/ABC", "ABC/", "AB//C", "AB C", "AB_C", "ÄBC", "123456789012345678901234567890123456"})
    void refusesMandateReferencesOutsideTheEpcRules(String value) {
        assertThatThrownBy(() -> new MandateReference(value))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_MANDATE_REFERENCE));
    }

    @Test
    void namesTheForbiddenCharacterAndItsPosition() {
        assertThatThrownBy(() -> new MandateReference("AB_C")).hasMessageContaining("'_' at position 3");
    }

    @Test
    void buildsAnEndToEndIdFromACollectionAndReadsTheCollectionBack() {
        EndToEndId id = EndToEndId.forCollection("8F3K2", 1);

        assertThat(id.value()).isEqualTo("RCP-C8F3K2-1");
        assertThat(id.collectionId()).contains("8F3K2");
        assertThat(id.attempt()).hasValue(1);
        assertThat(id.nextAttempt()).isEqualTo(new EndToEndId("RCP-C8F3K2-2"));
    }

    @Test
    void fitsTheLongestCollectionIdAndAttemptIntoThirtyFiveCharacters() {
        EndToEndId id = EndToEndId.forCollection("A".repeat(24), 99_999);

        assertThat(id.value()).hasSize(35);
        assertThat(id.collectionId()).contains("A".repeat(24));
    }

    @Test
    void treatsForeignEndToEndIdsAsValidButWithoutCollection() {
        EndToEndId foreign = new EndToEndId("NOTPROVIDED");

        assertThat(foreign.collectionId()).isEmpty();
        assertThat(foreign.attempt()).isEqualTo(OptionalInt.empty());
        assertThatThrownBy(foreign::nextAttempt).isInstanceOf(SepaException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012345678901234567890123456", "A B", "", "x//y"})
    void refusesEndToEndIdsOutsideTheEpcRules(String value) {
        assertThatThrownBy(() -> new EndToEndId(value))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_END_TO_END_ID));
    }

    @Test
    void refusesACollectionIdThatWouldNotFit() {
        assertThatThrownBy(() -> EndToEndId.forCollection("A".repeat(25), 1)).isInstanceOf(SepaException.class);
        assertThatThrownBy(() -> EndToEndId.forCollection("A-B", 1)).isInstanceOf(SepaException.class);
        assertThatThrownBy(() -> EndToEndId.forCollection("AB", 0)).isInstanceOf(SepaException.class);
    }
}
