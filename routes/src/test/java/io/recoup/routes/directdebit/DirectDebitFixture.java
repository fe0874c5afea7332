package io.recoup.routes.directdebit;

import io.recoup.adapters.csv.CsvLedgerPoster;
import io.recoup.adapters.csv.CsvOpenItemSource;
import io.recoup.adapters.email.SmtpReminderChannel;
import io.recoup.adapters.email.SmtpSettings;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.PolicyLoader;
import io.recoup.routes.CreditorDetails;
import io.recoup.routes.cycle.CycleRoutes;
import io.recoup.routes.cycle.CycleRunner;
import io.recoup.routes.cycle.DayReport;
import io.recoup.routes.cycle.Stages;
import io.recoup.routes.dispatch.ReminderDispatch;
import io.recoup.routes.plan.PolicyHolder;
import io.recoup.routes.receive.StatementImport;
import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.MandateType;
import io.recoup.sepa.pain008.Pain008Options;
import io.recoup.sepa.pain008.SchemaSource;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.dispatch.NoticeRepository;
import io.recoup.store.ledger.LedgerRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One Recoup instance with direct debit switched on, built the way the application builds it: the collection cycle
 * (its statement import handing debits to the return handling) and the direct-debit routes, on a fresh real database,
 * temporary folders, the given SMTP port and the given XSDs.
 */
final class DirectDebitFixture implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final CreditorIdentifier CI = new CreditorIdentifier("DE98ZZZ09999999999");
    static final String DEBTOR_IBAN = "DE02120300000000202051";
    static final String HEADER = "invoice_id,invoice_number,customer_id,customer_name,email,language,issue_date,due_date,currency,amount,open_amount\n";

    final Path home;
    final MutableClock clock;
    final JdbcTemplate jdbc;
    final Database db;
    final DirectDebitStages sepa;
    final DefaultCamelContext camel = new DefaultCamelContext();
    final CycleRunner cycle;
    final DirectDebitRunner directDebit;

    /** What one day did: the collection cycle first (ledger, statements, reminders), then direct debit. */
    record Day(DayReport cycle, DirectDebitReports.Day sepa) {}

    DirectDebitFixture(Path home, LocalDate firstDay, int smtpPort, SchemaSource schemas) {
        this.home = home;
        this.clock = new MutableClock(firstDay.atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
        this.jdbc = new JdbcTemplate(TestDatabase.fresh());
        this.db = new Database(jdbc.getDataSource(), clock);
        CreditorDetails creditor = new CreditorDetails("Recoup Test GmbH", Iban.parse("DE89370400440532013000"),
                Bic.parse("COBADEFFXXX"));
        SmtpReminderChannel email = new SmtpReminderChannel(new SmtpSettings("127.0.0.1", smtpPort, "ar@recoup.example",
                Optional.empty(), Optional.empty(), false));
        MessageTemplates templates = new MessageTemplates(p -> Optional.ofNullable(resource("/recoup/templates/" + p)), Locale.ENGLISH);
        this.sepa = DirectDebitStages.create(db, new DirectDebitSettings(creditor, CI, Pain008Options.defaults(), 14, 2,
                folder("sepa/outbox")), email, templates, clock, schemas);
        LedgerRepository ledger = new LedgerRepository(db);
        EventLog events = new EventLog(db);
        ReminderDispatch dispatch = new ReminderDispatch(db, new NoticeRepository(db), events, templates, creditor, List.of(email), clock);
        String policy = resource("/recoup/policies/default.yaml");
        PolicyHolder policies = new PolicyHolder(PolicyLoader.withBundledSchema(), dispatch.configuredChannels(), new PolicyHolder.Source() {
            @Override
            public String name() {
                return "default.yaml";
            }

            @Override
            public String text() {
                return policy;
            }

            @Override
            public Object stamp() {
                return policy;
            }
        });
        Stages stages = Stages.of(db, clock, new CsvOpenItemSource("csv", ZONE), folder("ledger/rejected"),
                new CsvLedgerPoster(folder("ledger/payments")), policies, dispatch, sepa.returns());
        Properties props = new Properties();
        props.put("recoup.ledger.inbox", folder("ledger/inbox").toString());
        props.put("recoup.statements.inbox", folder("statements/inbox").toString());
        props.put("recoup.watch-folders", "false");
        props.put("recoup.schedule.enabled", "false");
        camel.getPropertiesComponent().setInitialProperties(props);
        try {
            camel.addRoutes(new CycleRoutes(stages));
            camel.addRoutes(new DirectDebitRoutes(sepa, folder("sepa/status-inbox")));
        } catch (Exception e) {
            throw new IllegalStateException("routes do not start", e);
        }
        camel.start();
        this.cycle = new CycleRunner(camel);
        this.directDebit = new DirectDebitRunner(camel, folder("sepa/status-inbox"));
    }

    Path folder(String relative) {
        return home.resolve(relative);
    }

    void drop(String folder, String name, String content) {
        try {
            Files.createDirectories(folder(folder));
            Files.writeString(folder(folder).resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes in a ledger export on {@code day} (and runs that day's cycle, as the demo would). */
    void ingest(LocalDate day, String rows) {
        drop("ledger/inbox", "ledger-" + day + ".csv", HEADER + rows);
        clock.set(day);
        cycle.runDay(day);
    }

    /** A signed recurrent CORE mandate of the customer with this ledger id; returns its row id. */
    long mandate(String customerExternalId, String reference, LocalDate signed) {
        long customerId = jdbc.queryForObject("select id from customer where external_id = ?", Long.class, customerExternalId);
        Mandate mandate = Mandate.create(CI, new MandateReference(reference), "Acme Ltd", Iban.parse(DEBTOR_IBAN), null,
                MandateScheme.CORE, MandateType.RECURRENT).sign(signed);
        return sepa.mandates().register(customerId, mandate, null);
    }

    Day runDay(LocalDate day) {
        clock.set(day);
        return new Day(cycle.runDay(day), directDebit.runDay(day));
    }

    static String resource(String path) {
        try (InputStream in = DirectDebitFixture.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        camel.stop();
    }
}
