package io.recoup.core.event;

import io.recoup.core.ledger.OpenItemKey;

/** What ingestion did with an open item of the source ledger. */
public sealed interface IngestEvent extends RecoupEvent {

    @Override
    default String actor() {
        return "ingest";
    }

    /** A new item, read from {@code origin}. */
    record ItemInserted(OpenItemKey item, String origin) implements IngestEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "inserted"; }
        @Override public String why() { return "from " + origin; }
    }

    /** A known item whose amounts, dates or customer changed in {@code origin}. */
    record ItemUpdated(OpenItemKey item, String origin) implements IngestEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "updated"; }
        @Override public String why() { return "from " + origin; }
    }

    /** An item the source no longer has open (paid, cancelled, credited or gone there), with the source's reason. */
    record ItemClosed(OpenItemKey item, String reason) implements IngestEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "closed in the source"; }
        @Override public String why() { return reason; }
    }
}
