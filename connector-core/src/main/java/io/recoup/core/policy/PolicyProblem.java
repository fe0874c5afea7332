package io.recoup.core.policy;

/**
 * One thing wrong with a policy's YAML: where it is (1-based line and column of the value, 0 when the parser could
 * not say, as for the alias and depth limits), the field's path ({@code ladders.standard.steps[2].channels[0]}, empty
 * for the document as a whole) and the reason. A person fixing the file reads {@link #describe()}; logs and the
 * start-up refusal read {@link #toString()}, which names the file too.
 */
public record PolicyProblem(String origin, int line, int column, String field, String reason) {
    public PolicyProblem {
        if (origin == null || field == null || reason == null || reason.isBlank() || line < 0 || column < 0) {
            throw new IllegalArgumentException("a policy problem has an origin, a field path (may be empty), a reason and "
                    + "a position that is not negative");
        }
    }

    /** {@code steps[2].channel: unknown channel "fax" (line 14, column 15)}. */
    public String describe() {
        String where = line == 0 ? "" : column == 0 ? " (line " + line + ")" : " (line " + line + ", column " + column + ")";
        return (field.isEmpty() ? "" : field + ": ") + reason + where;
    }

    /** {@code policy.yaml:14: field 'steps[2].channel': unknown channel "fax"}. */
    @Override
    public String toString() {
        return origin + (line == 0 ? "" : ":" + line) + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + reason;
    }
}
