package io.recoup.adapters.businesscentral;

import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.OpenItemFeed;
import io.recoup.core.port.SourceConnector;
import io.recoup.core.port.SourceSettings;
import java.time.Clock;

/**
 * The {@code businesscentral} source type: builds the feed and the poster of one configured Business Central source
 * from its settings (checked here, so a wrong one fails when the application starts). Feed and poster built from the
 * same settings object each hold their own HTTP client and token.
 */
public final class BusinessCentralConnector implements SourceConnector {
    private final Clock clock;

    public BusinessCentralConnector() {
        this(Clock.systemUTC());
    }

    BusinessCentralConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "businesscentral";
    }

    @Override
    public OpenItemFeed feed(SourceSettings settings) {
        BcSettings bc = BcSettings.of(settings);
        BcClient client = new BcClient(bc, clock);
        return new BusinessCentralOpenItemFeed(bc, client, new Companies(bc, client));
    }

    @Override
    public LedgerPoster poster(SourceSettings settings) {
        BcSettings bc = BcSettings.of(settings);
        BcClient client = new BcClient(bc, clock);
        return new BusinessCentralLedgerPoster(bc, client, new Companies(bc, client));
    }
}
