package io.recoup.core.port;

/**
 * Builds the two ends of one kind of source ledger (Business Central, SAP S/4HANA, Salesforce) from a configured
 * source: the feed its open items come from and the poster payments go back through. Each adapter module provides one,
 * registered for {@link java.util.ServiceLoader}; the application picks it by {@link #type()} for every configured
 * source. A setting that is missing or wrong fails here, with the source and the setting named, when the application
 * starts, never at the first sync.
 */
public interface SourceConnector {
    /** The type configured sources name, e.g. {@code businesscentral}. */
    String type();

    OpenItemFeed feed(SourceSettings settings);

    LedgerPoster poster(SourceSettings settings);
}
