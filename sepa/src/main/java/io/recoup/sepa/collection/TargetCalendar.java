package io.recoup.sepa.collection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import java.util.Set;

/**
 * The TARGET2 (T2) calendar of the Eurosystem, which SEPA direct debits settle on: closed on Saturdays, Sundays,
 * 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December (ECB, "TARGET2 closing days", unchanged since
 * 2002). Easter is the Gregorian Easter Sunday (Anonymous Gregorian algorithm, Meeus/Jones/Butcher).
 */
public final class TargetCalendar {
    private static final Set<MonthDay> FIXED_CLOSING_DAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));

    private TargetCalendar() {
    }

    public static boolean isBusinessDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || FIXED_CLOSING_DAYS.contains(MonthDay.from(date))) {
            return false;
        }
        LocalDate easter = easterSunday(date.getYear());
        return !date.equals(easter.minusDays(2)) && !date.equals(easter.plusDays(1));
    }

    /** {@code date} itself when it is a business day, else the next one (where a due date on a closing day settles). */
    public static LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The first business day strictly after {@code date}. */
    public static LocalDate nextBusinessDay(LocalDate date) {
        return onOrAfter(date.plusDays(1));
    }

    /** The last business day strictly before {@code date}. */
    public static LocalDate previousBusinessDay(LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (!isBusinessDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** Moves {@code days} business days forward (positive) or backward (negative) from {@code date}. */
    public static LocalDate plusBusinessDays(LocalDate date, int days) {
        LocalDate day = date;
        for (int i = 0; i < Math.abs(days); i++) {
            day = days > 0 ? nextBusinessDay(day) : previousBusinessDay(day);
        }
        return day;
    }

    /** Gregorian Easter Sunday of {@code year}. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
