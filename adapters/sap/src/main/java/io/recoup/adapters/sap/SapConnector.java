package io.recoup.adapters.sap;

import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.OpenItemFeed;
import io.recoup.core.port.SourceConnector;
import io.recoup.core.port.SourceSettings;
import java.time.Clock;

/**
 * The {@code sap} source type: builds the feed of open customer items and the poster of payments for one configured
 * SAP S/4HANA system (see {@code config-templates/.../sources/sap.yaml} for its settings).
 */
public final class SapConnector implements SourceConnector {
    public static final String TYPE = "sap";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OpenItemFeed feed(SourceSettings settings) {
        SapSettings sap = SapSettings.of(settings);
        return new SapOpenItemFeed(sap, new SapHttp(sap), query(sap, settings));
    }

    @Override
    public LedgerPoster poster(SourceSettings settings) {
        SapSettings sap = SapSettings.of(settings);
        return new SapLedgerPoster(sap, new SapHttp(sap), query(sap, settings), Clock.systemUTC());
    }

    private static CubeQuery query(SapSettings sap, SourceSettings settings) {
        String credits = settings.optional("credit-items").orElse("refuse");
        if (!credits.equals("refuse") && !credits.equals("exclude")) {
            throw SapSettings.invalid(settings, "credit-items", "must be refuse or exclude, not " + credits);
        }
        return new CubeQuery(sap.cubeService(), sap.companyCodes(), credits.equals("exclude"), sap.mapping());
    }
}
