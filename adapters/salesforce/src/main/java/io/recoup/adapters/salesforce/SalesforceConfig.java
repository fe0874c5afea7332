package io.recoup.adapters.salesforce;

import io.recoup.core.port.SourceSettings;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured Salesforce source, read and checked once: the org's login URL (its My Domain, where the OAuth2 token
 * endpoint is), the connected app's client id and secret, the REST API version, the batch size asked of queries, the
 * retry budget, the defaults for customers whose record has no language, time zone or currency, the object
 * mapping, whether payments are written 200 to a call (sObject Collections, the default) or one by one, and the
 * Change Data Capture channel change notifications are read from ({@code cdc.channel}, by default the mapped object's
 * {@code /data/<Object>ChangeEvent}). A missing or malformed setting fails here with the source and the setting named.
 */
record SalesforceConfig(String source, URI loginUrl, String clientId, String clientSecret, String apiVersion,
                        int batchSize, Duration timeout, RetryPolicy retry, Locale defaultLanguage,
                        ZoneId defaultTimeZone, Optional<String> defaultCurrency, ObjectMapping mapping,
                        boolean collections, String changeChannel) {
    SalesforceConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(mapping, "mapping");
    }

    /** How transient faults are retried: attempts in all, the first wait (doubled each time, with jitter), the cap. */
    record RetryPolicy(int maxAttempts, Duration initialWait, Duration maxWait) {
        RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (initialWait.isNegative() || initialWait.isZero() || maxWait.compareTo(initialWait) < 0) {
                throw new IllegalArgumentException("waits must be positive and max-wait at least initial-wait");
            }
        }
    }

    static SalesforceConfig from(SourceSettings s) {
        String version = s.optional("api-version").orElse("v62.0");
        if (!version.matches("v\\d+\\.\\d")) {
            throw MappingPresets.invalid(s.name(), "api-version", "is not like v62.0: " + version);
        }
        int batchSize = s.integer("batch-size", 2000);
        if (batchSize < 200 || batchSize > 2000) {
            // Salesforce takes the Sforce-Query-Options batch size only between 200 and 2000
            throw MappingPresets.invalid(s.name(), "batch-size", "must be between 200 and 2000: " + batchSize);
        }
        RetryPolicy retry;
        try {
            retry = new RetryPolicy(s.integer("retry.max-attempts", 5),
                    s.duration("retry.initial-wait", Duration.ofMillis(500)),
                    s.duration("retry.max-wait", Duration.ofSeconds(60)));
        } catch (IllegalArgumentException e) {
            throw MappingPresets.invalid(s.name(), "retry", e.getMessage());
        }
        ObjectMapping mapping = MappingPresets.from(s);
        return new SalesforceConfig(s.name(), url(s), s.required("oauth.client-id"),
                s.required("oauth.client-secret"), version, batchSize, s.duration("timeout", Duration.ofSeconds(30)),
                retry, Locale.forLanguageTag(s.optional("default-language").orElse("en")), zone(s),
                s.optional("default-currency"), mapping, collections(s), changeChannel(s, mapping.object()));
    }

    /** The CDC channel of the mapped object: {@code blng__Invoice__c} -> {@code /data/blng__Invoice__ChangeEvent}. */
    private static String changeChannel(SourceSettings s, String object) {
        Optional<String> configured = s.optional("cdc.channel");
        if (configured.isPresent()) {
            if (!configured.get().matches("/data/\\w+")) {
                throw MappingPresets.invalid(s.name(), "cdc.channel", "is not like /data/InvoiceChangeEvent: " + configured.get());
            }
            return configured.get();
        }
        return "/data/" + (object.endsWith("__c") ? object.substring(0, object.length() - 1) : object) + "ChangeEvent";
    }

    private static boolean collections(SourceSettings s) {
        String mode = s.optional("post-back.mode").orElse("collections");
        if (!mode.equals("collections") && !mode.equals("record")) {
            throw MappingPresets.invalid(s.name(), "post-back.mode", "is not collections or record: " + mode);
        }
        return mode.equals("collections");
    }

    private static URI url(SourceSettings s) {
        String text = s.required("login-url");
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw MappingPresets.invalid(s.name(), "login-url", "is not an absolute URL: " + text);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw MappingPresets.invalid(s.name(), "login-url", "is not a URL: " + text);
        }
    }

    private static ZoneId zone(SourceSettings s) {
        String zone = s.optional("default-time-zone").orElse("UTC");
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw MappingPresets.invalid(s.name(), "default-time-zone", "is not a time zone: " + zone);
        }
    }

    @Override
    public String toString() {
        // the record's own toString would print the client secret
        return "SalesforceConfig[" + source + " " + loginUrl + " " + apiVersion + " " + mapping.object() + "]";
    }
}
