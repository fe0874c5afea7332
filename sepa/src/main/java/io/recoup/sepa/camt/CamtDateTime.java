package io.recoup.sepa.camt;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;

/**
 * An ISO 20022 {@code ISODateTime} as written: local date and time, and the offset when the bank gave one. Banks
 * write both {@code 2020-11-25T02:02:16} and {@code 2015-03-10T18:43:50+00:00}; an {@code OffsetDateTime} would have
 * to invent the missing offset, so the reader keeps it absent and lets the caller decide.
 */
public record CamtDateTime(LocalDateTime local, ZoneOffset offset) {

    public CamtDateTime {
        Objects.requireNonNull(local, "local");
    }

    /** Parses {@code 2024-03-07T19:47:17.828+02:00}, {@code ...Z} or a time without offset. */
    static CamtDateTime parse(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : null;
        return new CamtDateTime(LocalDateTime.from(parsed), offset);
    }

    /** The instant with the file's offset, or with {@code assumed} when the file gave none. */
    public OffsetDateTime toOffsetDateTime(ZoneOffset assumed) {
        return local.atOffset(offset == null ? assumed : offset);
    }

    @Override
    public String toString() {
        return offset == null ? local.toString() : local + offset.toString();
    }
}
