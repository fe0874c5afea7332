package io.recoup.core.dunning;

import io.recoup.core.policy.SkipIf;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a step's {@code skip-if} leaves it out for an item: a fact of the asked kind on a day from the window's start
 * ({@code within} days before the step's own day) up to today. Counting from the step's day, not from today, keeps
 * the answer the same on every later day (facts are only ever added), so a skipped step stays skipped and is never
 * sent late.
 */
final class StepSkips {
    private StepSkips() {
    }

    /** Why the step is left out ("its payment link was opened on 2026-03-09, 1 day(s) before ..."), or empty. */
    static Optional<String> why(SkipIf skip, List<Engagement> facts, LocalDate stepDay, LocalDate today) {
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> opened = skip.linkOpenedWithinDays().flatMap(d -> latest(facts, Engagement.Kind.LINK_OPENED, stepDay.minusDays(d), today)
                .map(e -> explain(e, "link-opened-within-days: " + d)));
        if (opened.isPresent()) {
            return opened;
        }
        return skip.readWithinDays().flatMap(d -> latest(facts, Engagement.Kind.READ, stepDay.minusDays(d), today)
                .map(e -> explain(e, "read-within-days: " + d)));
    }

    private static Optional<Engagement> latest(List<Engagement> facts, Engagement.Kind kind, LocalDate from, LocalDate to) {
        return facts.stream().filter(e -> e.kind() == kind && !e.day().isBefore(from) && !e.day().isAfter(to))
                .max(Comparator.comparing(Engagement::day));
    }

    private static String explain(Engagement e, String rule) {
        return e.kind().words() + " on " + e.day() + " (skip-if " + rule + ")";
    }
}
