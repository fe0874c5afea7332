package io.recoup.core.policy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A named, versioned collection policy: its steps, ordered by offset, with unique ids and offsets. */
public record CollectionPolicy(String id, String version, List<PolicyStep> steps) {
    public CollectionPolicy {
        if (steps.isEmpty()) {
            throw new RecoupException(ErrorCode.INVALID_POLICY, "policy " + id + " has no steps");
        }
        steps = steps.stream().sorted(Comparator.comparingInt(PolicyStep::offsetDays)).toList();
        Set<String> ids = new HashSet<>();
        Set<Integer> offsets = new HashSet<>();
        for (PolicyStep step : steps) {
            if (!ids.add(step.id())) {
                throw new RecoupException(ErrorCode.INVALID_POLICY, "policy " + id + ": step id '" + step.id() + "' is used twice");
            }
            if (!offsets.add(step.offsetDays())) {
                throw new RecoupException(ErrorCode.INVALID_POLICY, "policy " + id + ": two steps fire at " + step.timing());
            }
        }
    }

    /** The most advanced step that is due {@code daysFromDue} days after the due date, if any. */
    public Optional<PolicyStep> latestStepDue(long daysFromDue) {
        PolicyStep latest = null;
        for (PolicyStep step : steps) {
            if (step.offsetDays() <= daysFromDue) {
                latest = step;
            }
        }
        return Optional.ofNullable(latest);
    }

    public Optional<PolicyStep> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}
