package io.recoup.app;

import io.recoup.core.webhook.RetrySchedule;
import io.recoup.routes.webhook.OutboundWebhookRoutes;
import io.recoup.routes.webhook.WebhookSender;
import io.recoup.store.Database;
import io.recoup.store.webhook.SecretSeal;
import io.recoup.store.webhook.WebhookDeliveries;
import io.recoup.store.webhook.WebhookSubscriptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Outbound webhooks: the subscriptions and their outbox, and the worker that delivers on its own timer on every
 * instance. The key that seals the subscriptions' secrets is {@code recoup.outbound-webhooks.key} (base64 of 32
 * bytes, the same on every instance) or, when that is empty, one made at random on first need and kept in
 * {@code ${recoup.home}/keys/outbound-webhooks.key}, readable by its owner only: never in the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundWebhooksConfiguration.WebhookProperties.class)
class OutboundWebhooksConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundWebhooksConfiguration.class);

    /**
     * The {@code recoup.outbound-webhooks.*} settings (the worker's period, {@code deliver-every}, is read by its route).
     *
     * @param key             base64 of the 32-byte key that seals the subscriptions' secrets; empty: a key file
     * @param maxAttempts     attempts before a delivery that keeps failing for a passing reason is parked
     * @param firstRetry      the wait after the first failed attempt; four times longer after each further one
     * @param longestWait     the longest wait between two attempts (and the most of a Retry-After honoured)
     * @param connectTimeout  how long a connection to the receiver may take
     * @param readTimeout     how long the receiver may take to answer
     * @param rotationOverlap how long a rotated secret's predecessor still signs beside it
     */
    @ConfigurationProperties("recoup.outbound-webhooks")
    record WebhookProperties(String key, @DefaultValue("10") int maxAttempts, @DefaultValue("1m") Duration firstRetry,
                             @DefaultValue("12h") Duration longestWait, @DefaultValue("5s") Duration connectTimeout,
                             @DefaultValue("10s") Duration readTimeout, @DefaultValue("24h") Duration rotationOverlap) {
        @Override
        public String toString() {
            return "WebhookProperties[key " + (key == null || key.isBlank() ? "from the key file" : "set") + ", maxAttempts "
                    + maxAttempts + "]";
        }
    }

    @Bean
    WebhookSubscriptions webhookSubscriptions(Database db, WebhookProperties settings, RecoupProperties props) {
        if (settings.key() != null && !settings.key().isBlank()) {
            // a configured key is checked on start, so a wrong one stops the start naming the setting
            return new WebhookSubscriptions(db, new SecretSeal(decoded(settings.key().strip(), "recoup.outbound-webhooks.key")));
        }
        return new WebhookSubscriptions(db, new SecretSeal(() -> keyFile(props.home().resolve("keys/outbound-webhooks.key"))));
    }

    @Bean
    WebhookDeliveries webhookDeliveries(Database db, WebhookSubscriptions subscriptions) {
        return new WebhookDeliveries(db, subscriptions);
    }

    @Bean
    OutboundWebhookRoutes outboundWebhookRoutes(Database db, WebhookDeliveries deliveries, WebhookProperties settings) {
        RetrySchedule retries;
        try {
            retries = new RetrySchedule(settings.firstRetry(), settings.longestWait(), settings.maxAttempts());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationRefused("recoup.outbound-webhooks: " + e.getMessage(), List.of("recoup.outbound-webhooks.first-retry",
                    "recoup.outbound-webhooks.longest-wait", "recoup.outbound-webhooks.max-attempts"));
        }
        // the signature's t is read by the receiver against its own clock: the real one, whatever the demo's day is
        return new OutboundWebhookRoutes(new WebhookSender(db, deliveries, new WebhookSender.Settings(settings.connectTimeout(),
                settings.readTimeout(), retries), Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble()));
    }

    static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path made = Files.createTempFile(file.getParent(), "outbound-webhooks", ".key",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(made, Base64.getEncoder().encodeToString(SecretSeal.newKey()), StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    // a hard link appears whole or not at all, and never replaces a key another instance made first
                    Files.createLink(file, made);
                } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                    LOG.debug("the key file {} was made meanwhile", file);
                } finally {
                    Files.delete(made);
                }
                LOG.info("made the key that seals webhook secrets in {}; with several instances on one database, set "
                        + "recoup.outbound-webhooks.key to the same key on each", file);
            }
            return decoded(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the webhook secrets' key in " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] decoded(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationRefused(where + " is not base64: " + e.getMessage(), List.of("recoup.outbound-webhooks.key"));
        }
        if (key.length != 32) {
            throw new ConfigurationRefused(where + " holds " + key.length + " bytes; the key is 32 random bytes in base64 "
                    + "(openssl rand -base64 32)", List.of("recoup.outbound-webhooks.key"));
        }
        return key;
    }
}
