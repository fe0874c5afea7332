package io.recoup.sepa.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.MandateType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionDatesTest {

    @ParameterizedTest
    @CsvSource({"2000, 2000-04-23", "2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05",
            "2027, 2027-03-28", "2038, 2038-04-25", "2285, 2285-03-22"})
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(TargetCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest
    @CsvSource({"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2026-12-26", "2026-11-28",
            "2026-11-29"})
    void closesOnTheTargetClosingDays(LocalDate day) {
        assertThat(TargetCalendar.isBusinessDay(day)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2026-04-02", "2026-04-07", "2026-12-24", "2026-12-31", "2025-10-03", "2026-05-14"})
    void staysOpenOnNationalHolidaysThatAreNotTargetDays(LocalDate day) {
        assertThat(TargetCalendar.isBusinessDay(day)).isTrue();
    }

    @Test
    void acceptsTheNextBusinessDayAsTheEarliestCollectionDate() {
        LocalDate thursdayBeforeEaster = LocalDate.of(2026, 4, 2);

        assertThat(CollectionDates.earliestCollectionDate(thursdayBeforeEaster)).isEqualTo(LocalDate.of(2026, 4, 7));
        CollectionDates.check(thursdayBeforeEaster, LocalDate.of(2026, 4, 7));
    }

    @Test
    void refusesACollectionOnTheSubmissionDayOrOverTheEasterHolidays() {
        LocalDate thursday = LocalDate.of(2026, 4, 2);

        assertThatThrownBy(() -> CollectionDates.check(thursday, thursday))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.COLLECTION_DATE_TOO_EARLY))
                .hasMessageContaining("D-1").hasMessageContaining("the earliest is 2026-04-07");
        assertThatThrownBy(() -> CollectionDates.check(thursday, LocalDate.of(2026, 4, 6)))
                .hasMessageContaining("the earliest is 2026-04-07");
        assertThatThrownBy(() -> CollectionDates.check(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 3)))
                .hasMessageContaining("TARGET closing day; use 2026-04-07");
    }

    @Test
    void appliesTheSameD1RuleAcrossAWeekend() {
        LocalDate friday = LocalDate.of(2026, 11, 27);

        assertThat(CollectionDates.earliestCollectionDate(friday)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(TargetCalendar.plusBusinessDays(friday, 2)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(TargetCalendar.plusBusinessDays(LocalDate.of(2026, 11, 30), -1)).isEqualTo(friday);
    }

    @Test
    void computesTheLatestPreNotificationDateFromTheAgreedPeriod() {
        LocalDate due = LocalDate.of(2026, 12, 15);

        assertThat(PreNotification.latestNotificationDate(due, PreNotification.DEFAULT_PERIOD_DAYS))
                .isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(PreNotification.latestNotificationDate(due, 3)).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThatThrownBy(() -> PreNotification.latestNotificationDate(due, -1)).isInstanceOf(SepaException.class);
    }

    @Test
    void buildsThePreNotificationFromTheMandate() {
        Mandate mandate = Mandate.create(new io.recoup.sepa.CreditorIdentifier("DE98ZZZ09999999999"),
                new io.recoup.sepa.MandateReference("M-1"), "Erika Mustermann",
                new io.recoup.sepa.Iban("DE89370400440532013000"), null, MandateScheme.CORE, MandateType.RECURRENT)
                .sign(LocalDate.of(2026, 1, 5));

        PreNotification notice = PreNotification.of(mandate, LocalDate.of(2026, 12, 15), SepaAmount.of("49.90"), 14);

        assertThat(notice.mandateReference().value()).isEqualTo("M-1");
        assertThat(notice.creditorId().value()).isEqualTo("DE98ZZZ09999999999");
        assertThat(notice.debtorName()).isEqualTo("Erika Mustermann");
        assertThat(notice.amount()).isEqualTo(SepaAmount.of("49.90"));
        assertThat(notice.isInTime(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(notice.isInTime(LocalDate.of(2026, 12, 2))).isFalse();
    }

    @Test
    void findsTheEarliestDateRespectingBothNoticeAndSubmission() {
        LocalDate today = LocalDate.of(2026, 12, 10);

        assertThat(CollectionDates.earliestCollectionDate(today, today, 14)).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(CollectionDates.earliestCollectionDate(today, today, 15)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(CollectionDates.earliestCollectionDate(today, today, 0)).isEqualTo(LocalDate.of(2026, 12, 11));
    }

    @Test
    void collectsOnTheDueDateWhenTheNoticeCanStillReachTheDebtorInTime() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertThat(CollectionDates.collectionDate(LocalDate.of(2026, 3, 20), monday, 14)).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void movesACollectionDueTooSoonToTheEndOfTheNoticePeriod() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertThat(CollectionDates.collectionDate(monday.plusDays(3), monday, 14)).isEqualTo(monday.plusDays(14));
        assertThat(CollectionDates.collectionDate(monday.minusDays(10), monday, 14)).isEqualTo(monday.plusDays(14));
    }

    @Test
    void movesACollectionOffATargetClosingDay() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        // Saturday 21 March -> Monday 23 March; Good Friday 3 April and Easter Monday 6 April -> Tuesday 7 April
        assertThat(CollectionDates.collectionDate(LocalDate.of(2026, 3, 21), monday, 14)).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(CollectionDates.collectionDate(LocalDate.of(2026, 4, 3), monday, 14)).isEqualTo(LocalDate.of(2026, 4, 7));
    }
}
