package io.recoup.sepa.camt;

import io.recoup.sepa.xml.XmlProblem;
import java.util.List;
import java.util.Objects;

/**
 * What one reading delivered: how many statement headers, entries and transaction details went to the handler, and
 * every problem recorded (at most {@link CamtReader#MAX_PROBLEMS} plus the one saying reading stopped there).
 * {@code readToEnd} is false when the reading stopped before the end of the message (XML that stops being
 * well-formed, as in a truncated file, or too many problems): what follows that point was never seen.
 */
public record CamtSummary(int statements, int entries, int transactionDetails, List<XmlProblem> problems,
                          boolean readToEnd) {

    public CamtSummary {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
