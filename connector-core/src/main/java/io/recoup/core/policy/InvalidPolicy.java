package io.recoup.core.policy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.util.List;

/**
 * A policy that cannot be used, with every problem found in it at once, each with its line, column and field, so
 * that a page can show them beside the text and the planner's log can name them all.
 */
public final class InvalidPolicy extends RecoupException {
    private final transient List<PolicyProblem> problems;

    public InvalidPolicy(List<PolicyProblem> problems) {
        super(ErrorCode.INVALID_POLICY, "invalid dunning policy:\n  " + String.join("\n  ",
                problems.stream().map(PolicyProblem::toString).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid policy has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
