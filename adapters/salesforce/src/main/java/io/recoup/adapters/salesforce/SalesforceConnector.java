package io.recoup.adapters.salesforce;

import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.OpenItemFeed;
import io.recoup.core.port.SourceConnector;
import io.recoup.core.port.SourceSettings;
import java.time.Clock;

/**
 * The {@code salesforce} source type: open invoices read by SOQL ({@link SalesforceOpenItemFeed}) and payments written
 * back by upsert on an external id ({@link SalesforceLedgerPoster}), over the REST API with OAuth2 client credentials.
 * Settings are checked when the feed or poster is built, each error naming the source and the setting.
 */
public final class SalesforceConnector implements SourceConnector {
    private final Clock clock;

    public SalesforceConnector() {
        this(Clock.systemUTC());
    }

    public SalesforceConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "salesforce";
    }

    @Override
    public OpenItemFeed feed(SourceSettings settings) {
        SalesforceConfig config = SalesforceConfig.from(settings);
        return new SalesforceOpenItemFeed(config, new SalesforceClient(config, clock), clock);
    }

    @Override
    public LedgerPoster poster(SourceSettings settings) {
        SalesforceConfig config = SalesforceConfig.from(settings);
        return new SalesforceLedgerPoster(config, new SalesforceClient(config, clock));
    }
}
