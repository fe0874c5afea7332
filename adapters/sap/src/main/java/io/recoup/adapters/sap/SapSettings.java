package io.recoup.adapters.sap;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.SourceSettings;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One configured SAP source as the adapter reads it: where the OData cube and the SOAP service live, which company
 * codes to read, how to sign in (Basic or OAuth2 client credentials), page size and retry limits, the G/L account
 * incoming payments are booked against, and the defaults for what the cube does not carry (language, time zone).
 * Every value is checked here, so a wrong setting fails when the source is built, naming the setting.
 */
record SapSettings(String source, URI cubeService, List<String> companyCodes, int pageSize, SapAuth auth,
                   RetryLimits retry, Duration timeout, SapMapping mapping, Locale language, ZoneId timeZone,
                   Optional<Posting> posting) {

    static final String CUBE_PATH = "/sap/opu/odata/sap/API_OPLACCTGDOCITEMCUBE_SRV";
    static final String SOAP_PATH = "/sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi";

    /** How often and how long a transient fault is retried; {@code maxWait} also caps a server's Retry-After. */
    record RetryLimits(int maxAttempts, Duration initialWait, Duration maxWait) {
        RetryLimits {
            if (maxAttempts < 1 || initialWait.isNegative() || maxWait.compareTo(initialWait) < 0) {
                throw new IllegalArgumentException("retry needs max-attempts >= 1 and max-wait >= initial-wait");
            }
        }
    }

    /** What a payment journal entry needs beyond the posting itself. */
    record Posting(URI soapEndpoint, String bankGlAccount, String documentType, String createdBy) {}

    static SapSettings of(SourceSettings s) {
        URI base = uri(s, "url");
        List<String> companies = list(s, "company-codes");
        if (companies.isEmpty()) {
            throw invalid(s, "company-codes", "is required (one or more SAP company codes, e.g. [1010])");
        }
        companies.forEach(c -> {
            if (!c.matches("[A-Za-z0-9]{1,4}")) {
                throw invalid(s, "company-codes", "holds '" + c + "', which is not a company code (1-4 letters or digits)");
            }
        });
        int pageSize = s.integer("page-size", 500);
        if (pageSize < 1 || pageSize > 5000) {
            throw invalid(s, "page-size", "must be between 1 and 5000, not " + pageSize);
        }
        RetryLimits retry = new RetryLimits(s.integer("retry.max-attempts", 5),
                s.duration("retry.initial-wait", Duration.ofMillis(500)), s.duration("retry.max-wait", Duration.ofSeconds(30)));
        return new SapSettings(s.name(), URI.create(strip(s.optional("cube-service").orElse(base + CUBE_PATH))),
                companies, pageSize, SapAuth.of(s), retry, s.duration("timeout", Duration.ofSeconds(60)),
                SapMapping.of(s), Locale.forLanguageTag(s.optional("default-language").orElse("en")),
                zone(s), posting(s, base));
    }

    private static Optional<Posting> posting(SourceSettings s, URI base) {
        Optional<String> account = s.optional("posting.bank-gl-account");
        if (account.isEmpty()) {
            return Optional.empty();
        }
        URI endpoint = URI.create(s.optional("posting.soap-url").orElse(strip(base.toString()) + SOAP_PATH));
        return Optional.of(new Posting(endpoint, account.get(), s.optional("posting.document-type").orElse("DZ"),
                s.optional("posting.created-by").orElse("RECOUP")));
    }

    /** The poster cannot work without a bank G/L account: this is where that is said, naming the setting. */
    Posting requirePosting() {
        return posting.orElseThrow(() -> new RecoupException(ErrorCode.INVALID_SOURCE, "source " + source
                + ": setting posting.bank-gl-account is required to post payments back"));
    }

    private static URI uri(SourceSettings s, String key) {
        String text = s.required(key);
        try {
            URI uri = URI.create(strip(text));
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw invalid(s, key, "is not an http(s) URL: " + text);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw invalid(s, key, "is not a URL: " + text);
        }
    }

    private static ZoneId zone(SourceSettings s) {
        String zone = s.optional("default-time-zone").orElse("UTC");
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw invalid(s, "default-time-zone", "is not a time zone: " + zone);
        }
    }

    /** A list written as a YAML list or as one comma-separated string. */
    static List<String> list(SourceSettings s, String key) {
        Object value = s.settings().get(key);
        Collection<?> items = value instanceof Collection<?> c ? c
                : value instanceof java.util.Map<?, ?> m ? m.values() // Spring binds YAML lists as {0: .., 1: ..}
                : value == null ? List.of() : Arrays.asList(value.toString().split(","));
        return items.stream().map(Object::toString).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static RecoupException invalid(SourceSettings s, String key, String problem) {
        return new RecoupException(ErrorCode.INVALID_SOURCE, "source " + s.name() + ": setting " + key + " " + problem);
    }
}
