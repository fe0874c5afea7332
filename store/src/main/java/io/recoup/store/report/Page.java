package io.recoup.store.report;

import java.util.List;
import java.util.Map;

/** One page of a {@link Listing}: its rows (column name to value), which page (from 0), its size and whether more follow. */
public record Page(List<Map<String, Object>> rows, int number, int size, boolean hasNext) {
    public Page {
        if (number < 0 || size < 1) {
            throw new IllegalArgumentException("page " + number + " of size " + size);
        }
        rows = List.copyOf(rows);
    }

    public boolean hasPrevious() {
        return number > 0;
    }
}
