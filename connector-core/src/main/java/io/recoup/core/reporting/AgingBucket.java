package io.recoup.core.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How far past its due date an open item is, in the buckets finance teams report: not due, 1-30, 31-60, 61-90, 90+. */
public enum AgingBucket {
    NOT_DUE("not due"), DAYS_1_30("1-30"), DAYS_31_60("31-60"), DAYS_61_90("61-90"), OVER_90("90+");

    private final String label;

    AgingBucket(String label) {
        this.label = label;
    }

    /** The bucket of an item due on {@code dueDate}, seen on {@code today}; an item due today is not due yet. */
    public static AgingBucket of(LocalDate dueDate, LocalDate today) {
        long daysPast = ChronoUnit.DAYS.between(dueDate, today);
        if (daysPast <= 0) {
            return NOT_DUE;
        }
        if (daysPast <= 30) {
            return DAYS_1_30;
        }
        if (daysPast <= 60) {
            return DAYS_31_60;
        }
        return daysPast <= 90 ? DAYS_61_90 : OVER_90;
    }

    public String label() {
        return label;
    }
}
