package io.recoup.app;

import io.recoup.adapters.email.ImapBounceInbox;
import io.recoup.adapters.twilio.TwilioReminderChannel;
import io.recoup.adapters.twilio.TwilioSignature;
import io.recoup.adapters.twilio.TwilioSettings;
import io.recoup.adapters.whatsapp.WhatsAppReminderChannel;
import io.recoup.adapters.whatsapp.WhatsAppSettings;
import io.recoup.adapters.whatsapp.WhatsAppWebhook;
import io.recoup.app.api.ChannelWebhookController;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.ReminderChannel;
import io.recoup.routes.dispatch.DeliveryFeedback;
import io.recoup.routes.dispatch.DeliveryReportRoutes;
import io.recoup.routes.dispatch.LinkVisits;
import io.recoup.routes.dispatch.PublicLinks;
import io.recoup.core.link.LinkTokens;
import io.recoup.store.Installation;
import io.recoup.store.Database;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channels beside e-mail, from {@code recoup.channels.*}: SMS and calls through Twilio, WhatsApp through the Cloud
 * API; each one without a provider writes into the local outbox ({@code <home>/outbox/<channel>/}) unless
 * {@code local-outbox} is false, in which case the planner falls back past it as "not configured". Also what brings
 * the providers' reports back to the notices ({@link DeliveryFeedback}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelConfiguration.ChannelProperties.class)
class ChannelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelConfiguration.class);

    /**
     * The {@code recoup.channels} settings.
     *
     * @param publicUrl   where providers reach this instance (https://recoup.example.com): the status callbacks are
     *                    {@code <public-url>/webhooks/twilio} and {@code /webhooks/whatsapp}, and Twilio signs the URL
     * @param localOutbox write SMS, calls and WhatsApp without a provider into {@code outbox} (default true)
     * @param outbox      the local outbox; {@code <home>/outbox} when empty
     */
    @ConfigurationProperties("recoup.channels")
    record ChannelProperties(String publicUrl, @DefaultValue("true") boolean localOutbox, Path outbox, Twilio twilio,
                             WhatsApp whatsapp, Bounces bounces) {

        /**
         * {@code recoup.channels.bounces.*}: set {@code host} to read the bounces of reminder e-mails (RFC 3464 reports)
         * from that IMAP mailbox, every {@code poll-every} (default 60 s).
         */
        record Bounces(String host, @DefaultValue("993") int port, String username, String password,
                       @DefaultValue("INBOX") String folder, @DefaultValue("true") boolean tls) {
            boolean configured() {
                return host != null && !host.isBlank();
            }
        }

        /** {@code recoup.channels.twilio.*}: set {@code account-sid} to send SMS and place calls through Twilio. */
        record Twilio(String accountSid, String authToken, String from, String connectTo,
                      @DefaultValue("https://api.twilio.com") URI apiBase, @DefaultValue("10") int sendsPerSecond,
                      @DefaultValue("4") int maxAttempts, @DefaultValue("30s") Duration maxWait,
                      @DefaultValue("10s") Duration timeout) {
            boolean configured() {
                return accountSid != null && !accountSid.isBlank();
            }
        }

        /** {@code recoup.channels.whatsapp.*}: set {@code phone-number-id} to send WhatsApp template messages. */
        record WhatsApp(String phoneNumberId, String accessToken, String appSecret, String verifyToken,
                        @DefaultValue("payment_reminder") String template, List<String> bodyParameters,
                        String buttonUrlPrefix, @DefaultValue("https://graph.facebook.com/v21.0") URI apiBase,
                        @DefaultValue("20") int sendsPerSecond, @DefaultValue("4") int maxAttempts,
                        @DefaultValue("30s") Duration maxWait, @DefaultValue("10s") Duration timeout) {
            boolean configured() {
                return phoneNumberId != null && !phoneNumberId.isBlank();
            }
        }

        Optional<TwilioSettings> twilioSettings() {
            if (twilio == null || !twilio.configured()) {
                return Optional.empty();
            }
            return Optional.of(new TwilioSettings(twilio.apiBase(), twilio.accountSid(), twilio.authToken(), twilio.from(),
                    URI.create(publicBase() + "/webhooks/twilio"), URI.create(publicBase() + "/webhooks/twilio-connect"),
                    Optional.ofNullable(twilio.connectTo()).filter(n -> !n.isBlank()), twilio.sendsPerSecond(),
                    twilio.maxAttempts(), twilio.maxWait(), twilio.timeout()));
        }

        Optional<WhatsAppSettings> whatsAppSettings() {
            if (whatsapp == null || !whatsapp.configured()) {
                return Optional.empty();
            }
            return Optional.of(new WhatsAppSettings(whatsapp.apiBase(), whatsapp.phoneNumberId(), whatsapp.accessToken(),
                    whatsapp.appSecret(), whatsapp.verifyToken(), whatsapp.template(),
                    whatsapp.bodyParameters() == null ? WhatsAppSettings.DEFAULT_BODY : whatsapp.bodyParameters(),
                    whatsapp.buttonUrlPrefix(), whatsapp.sendsPerSecond(), whatsapp.maxAttempts(), whatsapp.maxWait(),
                    whatsapp.timeout()));
        }

        /** The public URL, where one is set: messages then carry links back to this instance (payment redirect, unsubscribe). */
        Optional<URI> publicUrlIfSet() {
            return publicUrl == null || publicUrl.isBlank() ? Optional.empty() : Optional.of(URI.create(publicUrl));
        }

        /** The public URL without a trailing slash; required once a provider calls back. */
        String publicBase() {
            if (publicUrl == null || publicUrl.isBlank()) {
                throw new ConfigurationRefused("recoup.channels.public-url is required with a Twilio account: Twilio posts "
                        + "its status callbacks there and signs that URL", List.of("recoup.channels.public-url"));
            }
            return publicUrl.replaceAll("/+$", "");
        }
    }

    /** SMS, call and WhatsApp, each through its provider or into the local outbox; e-mail is configured on its own. */
    record MessageChannels(List<ReminderChannel> all) {
        MessageChannels {
            all = List.copyOf(all);
        }
    }

    @Bean
    MessageChannels messageChannels(ChannelProperties channels, RecoupProperties props) {
        Path outbox = channels.outbox() != null ? channels.outbox() : props.home().resolve("outbox");
        List<ReminderChannel> all = new ArrayList<>();
        Optional<TwilioSettings> twilio = channels.twilioSettings();
        if (twilio.isPresent()) {
            all.add(TwilioReminderChannel.sms(twilio.get()));
            all.add(TwilioReminderChannel.call(twilio.get()));
        }
        channels.whatsAppSettings().ifPresent(w -> all.add(new WhatsAppReminderChannel(w)));
        for (Channel channel : List.of(Channel.SMS, Channel.CALL, Channel.WHATSAPP)) {
            if (all.stream().noneMatch(c -> c.channel() == channel) && channels.localOutbox()) {
                all.add(new LocalOutbox(channel, outbox));
                LOG.info("no {} provider configured: {} messages are written into {} and not sent", channel.label(),
                        channel.label(), outbox.resolve(channel.label()));
            }
        }
        return new MessageChannels(all);
    }

    /** What the providers' callbacks are checked with, from the same settings. */
    @Bean
    ChannelWebhookController.ChannelCallbacks channelCallbacks(ChannelProperties channels) {
        Optional<TwilioSettings> twilio = channels.twilioSettings();
        return new ChannelWebhookController.ChannelCallbacks(twilio.map(t -> new TwilioSignature(t.authToken())),
                twilio.isPresent() ? channels.publicBase() : "", twilio.flatMap(TwilioSettings::connectTo),
                channels.whatsAppSettings().map(WhatsAppWebhook::new));
    }

    /** The bounce mailbox's reader, when {@code recoup.channels.bounces.host} is set. */
    @Bean
    @ConditionalOnProperty(prefix = "recoup.channels.bounces", name = "host")
    DeliveryReportRoutes deliveryReportRoutes(ChannelProperties channels, DeliveryFeedback feedback, SettableClock clock) {
        ChannelProperties.Bounces b = channels.bounces();
        return new DeliveryReportRoutes(new ImapBounceInbox(new ImapBounceInbox.ImapSettings(b.host(), b.port(), b.username(),
                b.password(), b.folder(), b.tls()), clock), feedback);
    }

    /**
     * The links back to this instance in messages, with {@code recoup.channels.public-url} set: payment links through
     * the redirect that records a click, and the one-click unsubscribe. Signed with the installation's key (V26).
     */
    @Bean
    LinkSettings linkSettings(ChannelProperties channels, Installation installation) {
        LinkTokens tokens = new LinkTokens(installation.linkKey());
        return new LinkSettings(tokens, channels.publicUrlIfSet().map(url -> new PublicLinks(url, tokens)));
    }

    /** The signer of the links, and the links themselves where a public URL is set. */
    record LinkSettings(LinkTokens tokens, Optional<PublicLinks> publicLinks) {}

    @Bean
    LinkVisits linkVisits(LinkSettings links, Database db, SettableClock clock, PaymentProviders payments) {
        return new LinkVisits(db, links.tokens(), clock, payments.allLinks());
    }

    @Bean
    DeliveryFeedback deliveryFeedback(Database db) {
        return new DeliveryFeedback(db);
    }
}
