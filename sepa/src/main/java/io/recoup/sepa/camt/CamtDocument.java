package io.recoup.sepa.camt;

import io.recoup.sepa.xml.XmlProblem;
import java.util.List;
import java.util.Objects;

/** A whole camt message in memory, from {@link CamtReader#readAll}: statements with their entries, and the summary. */
public record CamtDocument(List<CamtStatement> statements, CamtSummary summary) {

    public CamtDocument {
        statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
        Objects.requireNonNull(summary, "summary");
    }

    public List<XmlProblem> problems() {
        return summary.problems();
    }

    /** All entries of all statements, in file order. */
    public List<CamtEntry> entries() {
        return statements.stream().flatMap(statement -> statement.entries().stream()).toList();
    }
}
