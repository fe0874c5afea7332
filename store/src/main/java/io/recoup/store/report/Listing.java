package io.recoup.store.report;

import java.util.List;

/**
 * One table of the dashboard as a query: its SQL (ordered, so pages do not overlap) and arguments. The same listing is
 * read a page at a time for the screen and streamed whole for its CSV export, so the two never disagree.
 */
public record Listing(String name, String sql, List<Object> args) {
    public Listing {
        if (name == null || name.isBlank() || sql == null || !sql.toLowerCase().contains("order by")) {
            throw new IllegalArgumentException("a listing has a name and an ordered query: " + name);
        }
        args = List.copyOf(args);
    }
}
