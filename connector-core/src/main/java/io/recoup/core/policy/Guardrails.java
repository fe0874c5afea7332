package io.recoup.core.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What keeps a policy from nagging: contact caps, quiet hours and business days (both in the customer's time zone),
 * and a holiday calendar. Messages are only planned on business days and only sent outside quiet hours.
 */
public record Guardrails(List<ContactCap> caps, Optional<QuietHours> quietHours, Set<DayOfWeek> businessDays,
                         Set<LocalDate> holidays) {
    public Guardrails {
        caps = List.copyOf(caps);
        businessDays = businessDays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : Set.copyOf(businessDays);
        holidays = Set.copyOf(holidays);
    }

    public static Guardrails none() {
        return new Guardrails(List.of(), Optional.empty(), Set.of(), Set.of());
    }

    public boolean isBusinessDay(LocalDate day) {
        return businessDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** No messages between {@code from} and {@code to} (may span midnight, e.g. 20:00 to 08:00). */
    public record QuietHours(LocalTime from, LocalTime to) {
        public boolean contains(LocalTime time) {
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
        }
    }
}
