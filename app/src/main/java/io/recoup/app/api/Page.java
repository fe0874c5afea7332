package io.recoup.app.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of a list endpoint: {@code page} from 0, {@code size} from 1 to {@link #MAX_SIZE} ({@link #DEFAULT_SIZE} when
 * not given). A page is read with one row more than asked, so {@code hasMore} needs no count over the whole table.
 */
record Page(int page, int size) {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    /** How deep offset paging may go: past this, narrow the filter instead. */
    static final int MAX_PAGE = 10_000;

    /** The page asked for; a value out of range is recorded on {@code check} by name ({@code page}, {@code size}). */
    static Page of(RequestChecks check, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > MAX_PAGE) {
            check.refuse("page", p + " is not from 0 to " + MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            check.refuse("size", s + " is not from 1 to " + MAX_SIZE);
        }
        return new Page(Math.max(0, Math.min(p, MAX_PAGE)), Math.max(1, Math.min(s, MAX_SIZE)));
    }

    long offset() {
        return (long) page * size;
    }

    /** How many rows to read: one more than the page holds. */
    int limit() {
        return size + 1;
    }

    /** The response: the rows of this page under {@code name}, the page, its size and whether more follow. */
    <T> Map<String, Object> body(String name, List<T> readWithOneMore) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, readWithOneMore.size() > size ? readWithOneMore.subList(0, size) : readWithOneMore);
        body.put("page", page);
        body.put("size", size);
        body.put("hasMore", readWithOneMore.size() > size);
        return body;
    }
}
