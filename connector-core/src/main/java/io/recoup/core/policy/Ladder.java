package io.recoup.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named sequence of steps, ordered by offset, with an optional escalation at the end. Its occurrences (repeats
 * unrolled, escalation last) are what the engine walks.
 */
public record Ladder(String id, List<PolicyStep> steps, Optional<Escalation> escalation) {
    /** The key of the escalation's occurrence (and of the action it plans). */
    public static final String ESCALATION_KEY = "escalation";

    public Ladder {
        Objects.requireNonNull(id, "id");
        steps = steps.stream().sorted(Comparator.comparingInt(PolicyStep::offsetDays)).toList();
        Objects.requireNonNull(escalation, "escalation");
    }

    /** One firing of a step: its key (unique within the ladder), offset and severity rank. */
    public record Occurrence(String key, int offsetDays, int rank, Optional<PolicyStep> step, Optional<Escalation> escalation) {
        public List<Channel> channels() {
            return step.map(PolicyStep::channels).orElseGet(() -> escalation.orElseThrow().channels());
        }

        public String template() {
            return step.map(PolicyStep::template).orElseGet(() -> escalation.orElseThrow().template());
        }

        public String stepId() {
            return step.map(PolicyStep::id).orElse(ESCALATION_KEY);
        }
    }

    /** Every firing in order of offset: repeats unrolled as {@code id#2}, {@code id#3}; the escalation last. */
    public List<Occurrence> occurrences() {
        List<Occurrence> all = new ArrayList<>();
        for (PolicyStep step : steps) {
            all.add(new Occurrence(step.id(), step.offsetDays(), 0, Optional.of(step), Optional.empty()));
            if (step.repeatEveryDays().isPresent()) {
                int n = 2;
                for (int offset = step.offsetDays() + step.repeatEveryDays().get(); offset <= step.lastOffset();
                     offset += step.repeatEveryDays().get()) {
                    all.add(new Occurrence(step.id() + "#" + n++, offset, 0, Optional.of(step), Optional.empty()));
                }
            }
        }
        escalation.ifPresent(e -> all.add(new Occurrence(ESCALATION_KEY, e.offsetDays(), 0, Optional.empty(), Optional.of(e))));
        all.sort(Comparator.comparingInt(Occurrence::offsetDays));
        List<Occurrence> ranked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Occurrence o = all.get(i);
            ranked.add(new Occurrence(o.key(), o.offsetDays(), i, o.step(), o.escalation()));
        }
        return List.copyOf(ranked);
    }
}
