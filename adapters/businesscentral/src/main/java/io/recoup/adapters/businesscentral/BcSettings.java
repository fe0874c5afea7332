package io.recoup.adapters.businesscentral;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import io.recoup.core.port.SourceSettings;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Business Central source's settings, read and checked once: where the API is ({@code base-url}, up to
 * {@code .../api/v2.0}), the companies to read (ids or names), the OAuth2 client credentials, the page size asked for
 * with {@code Prefer: odata.maxpagesize}, the payment journal's code, the defaults for what BC does not hold and the
 * retry policy. A missing or malformed setting fails here with the source and the setting named.
 */
record BcSettings(String source, URI baseUrl, List<String> companies, OAuth oauth, int pageSize, String journalCode,
                  String localCurrency, Locale defaultLanguage, ZoneId defaultTimeZone, String defaultSegment,
                  String blockedSegment, boolean negativePayments, Retrying retry, Duration requestTimeout,
                  BcMapping mapping) {

    /** The OAuth2 client-credentials grant (Microsoft Entra ID): the secret never leaves this record but in the grant. */
    record OAuth(URI tokenUrl, String clientId, String clientSecret, String scope) {
        @Override
        public String toString() {
            return "OAuth[" + tokenUrl + ", client " + clientId + ", scope " + scope + "]";
        }
    }

    /** How transient faults are retried: attempts in all, the first wait (doubling, with jitter) and the longest wait. */
    record Retrying(int maxAttempts, Duration initialWait, Duration maxWait) {}

    BcSettings {
        Objects.requireNonNull(mapping, "mapping");
        companies = List.copyOf(companies);
    }

    static BcSettings of(SourceSettings settings) {
        String base = settings.required("base-url");
        return new BcSettings(settings.name(),
                URI.create(base.endsWith("/") ? base : base + "/"),
                companies(settings),
                new OAuth(URI.create(settings.required("oauth.token-url")), settings.required("oauth.client-id"),
                        settings.required("oauth.client-secret"),
                        settings.optional("oauth.scope").orElse("https://api.businesscentral.dynamics.com/.default")),
                positive(settings, "page-size", 1000),
                settings.optional("payment-journal").orElse("RECOUP"),
                currency(settings),
                Locale.forLanguageTag(settings.optional("default-language").orElse("en")),
                zone(settings),
                settings.optional("default-segment").orElse("default"),
                settings.optional("blocked-segment").orElse("blocked"),
                paymentSign(settings),
                new Retrying(positive(settings, "retry.max-attempts", 5),
                        settings.duration("retry.initial-wait", Duration.ofMillis(500)),
                        settings.duration("retry.max-wait", Duration.ofSeconds(60))),
                settings.duration("request-timeout", Duration.ofSeconds(100)),
                BcMapping.of(settings.block("mapping")));
    }

    private static List<String> companies(SourceSettings settings) {
        Object value = settings.settings().get("companies");
        List<String> names = value instanceof Collection<?> list
                ? list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : Arrays.stream(settings.required("companies").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw invalid(settings, "companies", "lists no company (give ids or names)");
        }
        return names;
    }

    private static String currency(SourceSettings settings) {
        String code = settings.required("local-currency");
        try {
            return Money.currencyOf(code).getCurrencyCode();
        } catch (RecoupException e) {
            throw invalid(settings, "local-currency", "is not an ISO 4217 currency: " + code);
        }
    }

    private static ZoneId zone(SourceSettings settings) {
        String zone = settings.optional("default-time-zone").orElse("UTC");
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw invalid(settings, "default-time-zone", "is not a time zone: " + zone);
        }
    }

    private static boolean paymentSign(SourceSettings settings) {
        String sign = settings.optional("payment-amount-sign").orElse("positive").toLowerCase(Locale.ROOT);
        return switch (sign) {
            case "positive" -> false;
            case "negative" -> true;
            default -> throw invalid(settings, "payment-amount-sign", "is neither positive nor negative: " + sign);
        };
    }

    private static int positive(SourceSettings settings, String key, int otherwise) {
        int value = settings.integer(key, otherwise);
        if (value < 1) {
            throw invalid(settings, key, "must be at least 1, not " + value);
        }
        return value;
    }

    private static RecoupException invalid(SourceSettings settings, String key, String problem) {
        return new RecoupException(ErrorCode.INVALID_SOURCE, "source " + settings.name() + ": setting " + key + " " + problem);
    }
}
