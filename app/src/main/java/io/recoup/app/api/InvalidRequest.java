package io.recoup.app.api;

import java.util.List;

/**
 * A request the admin API refuses, with every field that is wrong and why; answered as {@code application/problem+json}
 * with {@code errors: [{field, reason}]} by {@link ApiProblems}.
 */
public final class InvalidRequest extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidRequest(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        this.problems = List.copyOf(problems);
    }

    public InvalidRequest(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One wrong field: its JSON path ({@code instalments[1].due}, {@code body} for the whole request) and the reason. */
    public record FieldProblem(String field, String reason) {
        public FieldProblem {
            if (field == null || field.isBlank() || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a field problem names a field and a reason");
            }
        }

        @Override
        public String toString() {
            return field + ": " + reason;
        }
    }
}
