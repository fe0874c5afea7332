package io.recoup.app;

import io.recoup.core.message.MessageTemplates;
import io.recoup.core.port.ReminderChannel;
import io.recoup.routes.CreditorDetails;
import io.recoup.routes.ReturnedEntries;
import io.recoup.routes.directdebit.DirectDebitRoutes;
import io.recoup.routes.directdebit.DirectDebitRunner;
import io.recoup.routes.directdebit.DirectDebitSettings;
import io.recoup.routes.directdebit.DirectDebitStages;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.pain008.SchemaSource;
import io.recoup.store.Database;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SEPA Direct Debit, switched on by setting {@code recoup.sepa.creditor-identifier}: the direct-debit stages, their
 * routes (pain.002 watcher, settle and collect on the cycle's timer) and the handler the statement import gives booked
 * debits to. Collects into the account of {@code recoup.creditor}; pre-notifications go out on the e-mail channel.
 * Without the setting none of this exists, so instances that do not collect by direct debit are unchanged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "recoup.sepa", name = "creditor-identifier")
@EnableConfigurationProperties(DirectDebitConfiguration.SepaProperties.class)
class DirectDebitConfiguration {

    /**
     * The {@code recoup.sepa.*} settings.
     *
     * @param creditorIdentifier   the SEPA creditor identifier (CI), checked on start
     * @param pain008              the bank's dialect: {@code default} (pain.008.001.08), {@code german-dk} or
     *                             {@code legacy-02} (pain.008.001.02)
     * @param preNotificationDays  calendar days between pre-notification and collection (rulebook default 14)
     * @param submissionDaysBefore TARGET business days between file and collection date (at least 1)
     * @param outbox               where pain.008 files are written; {@code ${recoup.home}/sepa/outbox} when empty
     * @param statusInbox          where pain.002 status reports arrive; {@code ${recoup.home}/sepa/status-inbox} when empty
     */
    @ConfigurationProperties("recoup.sepa")
    record SepaProperties(String creditorIdentifier, @DefaultValue("default") String pain008,
                          @DefaultValue("14") int preNotificationDays, @DefaultValue("2") int submissionDaysBefore,
                          Path outbox, Path statusInbox) {

        Path outboxUnder(Path home) {
            return outbox != null ? outbox : home.resolve("sepa").resolve("outbox");
        }

        Path statusInboxUnder(Path home) {
            return statusInbox != null ? statusInbox : home.resolve("sepa").resolve("status-inbox");
        }
    }

    @Bean
    DirectDebitStages directDebitStages(SepaProperties sepa, RecoupProperties props, Database db, CreditorDetails creditor,
                                        ReminderChannel email, MessageTemplates templates, SettableClock clock) {
        DirectDebitSettings settings = new DirectDebitSettings(creditor, CreditorIdentifier.parse(sepa.creditorIdentifier()),
                DirectDebitSettings.preset(sepa.pain008()), sepa.preNotificationDays(), sepa.submissionDaysBefore(),
                sepa.outboxUnder(props.home()));
        return DirectDebitStages.create(db, settings, email, templates, clock, SchemaSource.bundled());
    }

    /** What the statement import hands booked debits to, so camt returns reach their collections. */
    @Bean
    ReturnedEntries directDebitReturns(DirectDebitStages stages) {
        return stages.returns();
    }

    @Bean
    DirectDebitRoutes directDebitRoutes(DirectDebitStages stages, SepaProperties sepa, RecoupProperties props) {
        return new DirectDebitRoutes(stages, sepa.statusInboxUnder(props.home()));
    }

    @Bean
    DirectDebitRunner directDebitRunner(CamelContext camel, SepaProperties sepa, RecoupProperties props) {
        return new DirectDebitRunner(camel, sepa.statusInboxUnder(props.home()));
    }
}
