package io.recoup.routes.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.pain008.Pain008Options;
import io.recoup.sepa.pain008.Pain008Version;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DirectDebitRulesTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void collectsOnTheDueDateWhenTheNoticeCanStillReachTheDebtorInTime() {
        assertThat(CollectionPicking.collectionDate(LocalDate.of(2026, 3, 20), MONDAY, 14)).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void movesACollectionDueTooSoonToTheEndOfTheNoticePeriod() {
        assertThat(CollectionPicking.collectionDate(MONDAY.plusDays(3), MONDAY, 14)).isEqualTo(MONDAY.plusDays(14));
        assertThat(CollectionPicking.collectionDate(MONDAY.minusDays(10), MONDAY, 14)).isEqualTo(MONDAY.plusDays(14));
    }

    @Test
    void movesACollectionOffATargetClosingDay() {
        // Saturday 21 March -> Monday 23 March; Good Friday 3 April and Easter Monday 6 April -> Tuesday 7 April
        assertThat(CollectionPicking.collectionDate(LocalDate.of(2026, 3, 21), MONDAY, 14)).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(CollectionPicking.collectionDate(LocalDate.of(2026, 4, 3), MONDAY, 14)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void namesThePain008DialectsAndRefusesAnUnknownOne() {
        assertThat(DirectDebitSettings.preset("default").version()).isEqualTo(Pain008Version.V08);
        assertThat(DirectDebitSettings.preset("legacy-02").version()).isEqualTo(Pain008Version.V02);
        assertThat(DirectDebitSettings.preset("German-DK")).isEqualTo(Pain008Options.germanDk());
        assertThatThrownBy(() -> DirectDebitSettings.preset("pain.008.003.02")).hasMessageContaining("unknown pain.008 preset");
    }

    @Test
    void refusesASubmissionLaterThanDMinusOne() {
        CreditorDetails creditor = new CreditorDetails("Recoup", Iban.parse("DE89370400440532013000"), Bic.parse("COBADEFFXXX"));
        assertThatThrownBy(() -> new DirectDebitSettings(creditor, new CreditorIdentifier("DE98ZZZ09999999999"),
                Pain008Options.defaults(), 14, 0, Path.of("out"))).hasMessageContaining("D-1");
    }

    @Test
    void masksTheDebtorsAccountInTheNotice() {
        assertThat(PreNotificationText.masked("DE02120300000000202051")).isEqualTo("DE02 **** 2051");
    }
}
