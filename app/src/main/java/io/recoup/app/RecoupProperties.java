package io.recoup.app;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every {@code recoup.*} setting, bound from application.yaml, the environment or the command line. Defaults and
 * their meaning are listed in application.yaml and the README.
 */
@ConfigurationProperties("recoup")
public record RecoupProperties(Path home, DatabaseSettings database, LedgerSettings ledger, StatementSettings statements,
                               CompanySettings company, CreditorSettings creditor, MailSettings mail, String policy,
                               PostingSettings posting, List<Map<String, Object>> sources,
                               Map<String, Object> payments) {
    public RecoupProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        payments = payments == null ? Map.of() : Map.copyOf(payments);
    }

    /** Empty url: Recoup starts its own PostgreSQL with data under {@code home/pgdata}. */
    public record DatabaseSettings(String url, String username, String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }

        @Override
        public String toString() {
            return embedded() ? "embedded" : url + " as " + username;
        }
    }

    /**
     * Folders of the CSV ledger: where exports arrive, where refused records are reported, where payments go; and
     * whether each export lists every open item (so an item no longer listed is closed).
     */
    public record LedgerSettings(String source, Path inbox, Path rejected, Path payments, Boolean fullExport) {
        public boolean closesAbsentItems() {
            return fullExport == null || fullExport;
        }
    }

    /** Folder where bank statements (camt.053/054) arrive. */
    public record StatementSettings(Path inbox) {}

    /** The company's own time zone: what "today" means for planning. */
    public record CompanySettings(ZoneId timeZone) {}

    /** The company's bank account printed on reminders. */
    public record CreditorSettings(String name, String iban, String bic) {}

    /** Payments posted back: document numbers are {@code <documentPrefix>-<installation id>-<allocation>}. */
    public record PostingSettings(String documentPrefix) {}

    /** Empty host: a local mail sink that writes each message into {@code home/mail}. */
    public record MailSettings(String host, int port, String from, String username, String password, boolean starttls) {
        public boolean localSink() {
            return host == null || host.isBlank();
        }

        @Override
        public String toString() {
            return localSink() ? "local mail sink" : "smtp://" + host + ":" + port;
        }
    }
}
