package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.recoup.store.TemporaryFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the logs at INFO and above reveal while the whole cycle runs ten days on the sample ledger, at the levels
 * {@code serve} logs at: none of the sample customers' e-mail addresses, phone numbers, IBANs or names.
 */
// serve logs at Spring Boot's default, INFO; the tests' logback configuration would hold everything below WARN back
@SpringBootTest(properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "logging.level.root=INFO"})
class PersonalDataInLogsIT {
    private static final Path HOME = TemporaryFolders.create("recoup-logs-it");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
    }

    @Autowired
    DemoJob demo;

    @Test
    void noAddressPhoneNumberIbanOrNameOfASampleCustomerIsLoggedAtInfo() throws IOException {
        List<String> personal = samplePersonalData();
        assertThat(personal).as("the sample's personal data").contains("ap@nordwind.example", "+351210000000",
                "DE12500105170648489890", "Lumen Studio SARL");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        root.addAppender(captured);
        try {
            demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 10, true), null);
        } finally {
            root.detachAppender(captured);
        }

        List<String> lines = captured.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " " + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
        assertThat(lines).as("the cycle logs at INFO").anyMatch(l -> l.contains("dispatched"));
        for (String value : personal) {
            assertThat(lines).as("log lines with '%s'", value).noneMatch(l -> l.contains(value));
        }
    }

    /** Customers' names, e-mail addresses and phone numbers from the sample ledger; payers' names and IBANs from the statements. */
    private static List<String> samplePersonalData() throws IOException {
        List<String> values = new ArrayList<>();
        List<String> ledger = resource("/sample/ledger.csv").lines().toList();
        List<String> header = Arrays.asList(ledger.get(0).split(","));
        for (String row : ledger.subList(1, ledger.size())) {
            String[] cells = row.split(",", -1);
            for (String column : List.of("customer_name", "email", "phone")) {
                String value = cells[header.indexOf(column)];
                if (!value.isBlank() && !values.contains(value)) {
                    values.add(value);
                }
            }
        }
        Pattern payer = Pattern.compile("<Dbtr>.*?<Nm>([^<]+)</Nm>.*?</Dbtr>\\s*<DbtrAcct><Id><IBAN>([^<]+)</IBAN>", Pattern.DOTALL);
        for (String statement : List.of("2026-03-04-camt053.xml", "2026-03-06-camt053.xml")) {
            Matcher m = payer.matcher(resource("/sample/statements/" + statement));
            while (m.find()) {
                values.add(m.group(1));
                values.add(m.group(2));
            }
        }
        return values;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PersonalDataInLogsIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
