package io.recoup.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.adapters.csv.CsvLedgerPoster;
import io.recoup.adapters.csv.CsvOpenItemSource;
import io.recoup.adapters.email.SmtpReminderChannel;
import io.recoup.adapters.pdf.PdfLetterPrinter;
import io.recoup.adapters.email.SmtpSettings;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.PolicyLoader;
import io.recoup.core.port.ReminderChannel;
import io.recoup.routes.CreditorDetails;
import io.recoup.routes.ReturnedEntries;
import io.recoup.routes.cycle.CycleRoutes;
import io.recoup.routes.cycle.CycleRunner;
import io.recoup.routes.cycle.Stages;
import io.recoup.routes.dispatch.ReminderDispatch;
import io.recoup.routes.dispatch.TemplateCheck;
import io.recoup.routes.ingest.ChangeTriggers;
import io.recoup.routes.match.ExceptionQueue;
import io.recoup.routes.plan.PolicyHolder;
import io.recoup.routes.directdebit.ProviderCollecting;
import io.recoup.routes.directdebit.ProviderCollectionRoutes;
import io.recoup.routes.receive.PaymentEffects;
import io.recoup.routes.receive.ProviderEventCatchUp;
import io.recoup.routes.receive.ProviderEventProcessing;
import io.recoup.routes.receive.ProviderEventRoutes;
import io.recoup.sepa.Bic;
import io.recoup.sepa.Iban;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.Installation;
import io.recoup.store.dispatch.NoticeRepository;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.SourceReplayIds;
import io.recoup.store.receipt.ReceiptRepository;
import io.recoup.store.policy.PolicyVersions;
import io.recoup.store.receive.ProviderEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the stages of the cycle from the settings: adapters, repositories, stage services, routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecoupProperties.class)
class RecoupConfiguration {

    @Bean
    SettableClock clock(RecoupProperties props) {
        return new SettableClock(props.company().timeZone());
    }

    /** With how long a stalled instance keeps a singleton lease ({@code recoup.cluster.lease-expiry}). */
    @Bean
    Database database(DataSource dataSource, SettableClock clock, org.flywaydb.core.Flyway flyway,
                      @Value("${recoup.cluster.lease-expiry:2m}") java.time.Duration leaseExpiry) {
        return new Database(dataSource, clock, leaseExpiry);
    }

    /** This installation's id, and the document prefix configured for the payments it posts from now on. */
    @Bean
    @DependsOnDatabaseInitialization
    Installation installation(Database db, RecoupProperties props) {
        Installation installation = new Installation(db);
        installation.useDocumentPrefix(props.posting().documentPrefix());
        return installation;
    }

    @Bean(destroyMethod = "close")
    MailSink mailSink(RecoupProperties props) {
        return new MailSink(props.mail().localSink() ? Optional.of(new LocalMailSink(props.home().resolve("mail"))) : Optional.empty());
    }

    @Bean
    ReminderChannel emailChannel(RecoupProperties props, MailSink sink, PausePoints pauses) {
        RecoupProperties.MailSettings mail = props.mail();
        if (sink.local().isPresent()) {
            LocalMailSink local = sink.local().get();
            SmtpReminderChannel smtp = new SmtpReminderChannel(new SmtpSettings("127.0.0.1", local.port(), mail.from(),
                    Optional.empty(), Optional.empty(), false));
            return pauses.after("mail-written", local.writingAfterEachSend(pauses.after("smtp-accepted", smtp)));
        }
        return new SmtpReminderChannel(new SmtpSettings(mail.host(), mail.port(), mail.from(), blankToEmpty(mail.username()),
                blankToEmpty(mail.password()), mail.starttls()));
    }

    @Bean
    CreditorDetails creditorDetails(RecoupProperties props) {
        RecoupProperties.CreditorSettings c = props.creditor();
        return new CreditorDetails(c.name(), Iban.parse(c.iban()), Bic.parse(c.bic()));
    }

    /** The bundled message templates (reminders, letters, pre-notifications), English where a language has none. */
    @Bean
    MessageTemplates messageTemplates() {
        return new MessageTemplates(RecoupConfiguration::classpathTemplate, Locale.ENGLISH);
    }

    /**
     * The dispatcher, with e-mail and the other message channels ({@link ChannelConfiguration}); with a Stripe API key, a
     * reminder whose step offers {@code stripe} (and whose segment allows it) carries a Checkout link, with a GoCardless access token one whose step
     * offers {@code gocardless} a mandate set-up link (customers without one); one whose step asks for
     * {@code letter: pdf} carries the letter as a PDF; with {@code recoup.channels.public-url}, payment links go through
     * our click-recording redirect and e-mails carry a one-click unsubscribe. The
     * policy in force is asked per notice (lazily: the policy holder needs the dispatcher's channels first).
     */
    @Bean
    ReminderDispatch reminderDispatch(Database db, CreditorDetails creditor, ReminderChannel email, MessageTemplates templates,
                                      SettableClock clock, PaymentProviders providers, ObjectProvider<PolicyHolder> policy,
                                      ChannelConfiguration.MessageChannels others, ChannelConfiguration.LinkSettings links) {
        List<ReminderChannel> channels = new ArrayList<>(List.of(email));
        channels.addAll(others.all());
        return new ReminderDispatch(db, new NoticeRepository(db), new EventLog(db), templates, creditor, channels, clock,
                providers.allLinks(), (step, segment) -> policy.getObject().get().policy().paymentOptions(step, segment),
                Optional.of(new PdfLetterPrinter()), step -> policy.getObject().get().policy().letter(step), links.publicLinks());
    }

    /** What a policy must satisfy beyond its schema: its templates exist and name only variables the renderer gives. */
    @Bean
    PolicyHolder.Check policyCheck(MessageTemplates templates) {
        return new TemplateCheck(templates, TemplateCheck.BUNDLED_LANGUAGES)::problems;
    }

    /** The newest version activated on the dashboard, else the policy {@code recoup.policy} names ({@link StoredPolicySource}). */
    @Bean
    @DependsOnDatabaseInitialization
    PolicyHolder policyHolder(RecoupProperties props, Database db, ReminderDispatch dispatch, PolicyHolder.Check check) {
        // a policy whose templates are missing or name an unknown variable is refused as it loads
        return new PolicyHolder(PolicyLoader.withBundledSchema(), dispatch.configuredChannels(),
                new StoredPolicySource(new PolicyVersions(db), new PolicySource(props.policy())), check);
    }

    @Bean
    PolicyDrafts policyDrafts(Database db, ReminderDispatch dispatch, PolicyHolder.Check check, PolicyHolder holder,
                              SettableClock clock, ObjectMapper json) {
        return new PolicyDrafts(db, PolicyLoader.withBundledSchema(), check, holder,
                new LedgerPreview(db, dispatch.configuredChannels()), clock, json);
    }

    @Bean
    Stages stages(RecoupProperties props, Database db, PolicyHolder policy, ReminderDispatch dispatch, SettableClock clock,
                  ObjectProvider<ReturnedEntries> returns, PausePoints pauses, ApiSources.Configured apiSources) {
        // direct-debit returns found on statements go to the SEPA side when direct debit is on
        return Stages.of(db, clock, pauses.around(new CsvOpenItemSource(props.ledger().source(), props.company().timeZone())),
                props.ledger().closesAbsentItems(), props.ledger().rejected(),
                pauses.around(new CsvLedgerPoster(props.ledger().payments())), apiSources.all(), policy, dispatch,
                returns.getIfAvailable(() -> ReturnedEntries.NONE));
    }

    /** The source ledgers read over an API ({@code recoup.sources}). */
    @Bean
    ApiSources.Configured apiSources(RecoupProperties props) {
        return new ApiSources.Configured(ApiSources.from(props.sources(), props.ledger().source()));
    }

    /**
     * Syncs between the scheduled ones for sources with {@code cdc.enabled}; off with the schedule (the demo and
     * simulate drive every stage themselves).
     */
    @Bean(destroyMethod = "close")
    ChangeTriggers.All changeTriggers(ApiSources.Configured apiSources, Stages stages, Database db,
                                      @Value("${recoup.schedule.enabled:true}") boolean scheduled) {
        return scheduled ? ChangeTriggers.startAll(apiSources.all(), stages.syncs(), new SourceReplayIds(db))
                : new ChangeTriggers.All(List.of());
    }

    /** Every source sync's counts as metrics. */
    @Bean
    SourceSyncMetrics sourceSyncMetrics(Stages stages, io.micrometer.core.instrument.MeterRegistry registry) {
        SourceSyncMetrics metrics = new SourceSyncMetrics(registry);
        stages.syncs().forEach(s -> s.sync().observe(metrics::record));
        return metrics;
    }

    /** The payment providers configured under {@code recoup.payments} (none by default). */
    @Bean
    PaymentProviders paymentProviders(RecoupProperties props, SettableClock clock) {
        return PaymentProviders.from(props.payments(), clock);
    }

    /**
     * The worker that applies the providers' stored events, on its own timer ({@code recoup.payments.process-every}), and
     * the catch-up that lists what the webhooks missed ({@code recoup.payments.catch-up-every}, {@code catch-up-look-back}).
     */
    @Bean
    ProviderEventRoutes providerEventRoutes(Database db, PaymentProviders providers, SettableClock clock,
                                            @Value("${recoup.payments.catch-up-look-back:3d}") java.time.Duration lookBack) {
        ProviderEvents events = new ProviderEvents(db);
        return new ProviderEventRoutes(new ProviderEventProcessing(db, events, providers.readers(),
                PaymentEffects.create(db, clock)), new ProviderEventCatchUp(db, events, providers.feeds(), lookBack, clock));
    }

    /**
     * Collecting through the providers with mandates (GoCardless, with an access token) on the cycle's timer; with none
     * configured the route has nobody to ask and does nothing.
     */
    @Bean
    ProviderCollectionRoutes providerCollectionRoutes(Database db, PaymentProviders providers, SettableClock clock) {
        return new ProviderCollectionRoutes(new ProviderCollecting(db, providers.collectors(), clock));
    }

    /** The exceptions queue a person works through the admin API. */
    @Bean
    ExceptionQueue exceptionQueue(Database db) {
        return new ExceptionQueue(db, new ReceiptRepository(db), new LedgerRepository(db), new EventLog(db));
    }

    @Bean
    CycleRoutes collectionRoutes(Stages stages, io.recoup.routes.Singletons singletons) {
        return new CycleRoutes(stages, singletons);
    }

    @Bean
    CycleRunner cycleRunner(CamelContext camel) {
        return new CycleRunner(camel);
    }

    /** The local mail sink when no SMTP host is configured, so it can be closed with the context. */
    record MailSink(Optional<LocalMailSink> local) implements AutoCloseable {
        @Override
        public void close() {
            local.ifPresent(LocalMailSink::close);
        }
    }

    private static Optional<String> classpathTemplate(String path) {
        try (InputStream in = RecoupConfiguration.class.getResourceAsStream("/recoup/templates/" + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
