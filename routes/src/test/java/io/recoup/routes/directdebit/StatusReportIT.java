package io.recoup.routes.directdebit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.sepa.pain008.SchemaSource;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A status report that names a collection in a state the collection lifecycle does not let it accept. */
class StatusReportIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final LocalDate SUBMISSION = LocalDate.of(2026, 3, 12);

    @TempDir
    Path home;
    DirectDebitFixture recoup;

    @AfterEach
    void stop() {
        if (recoup != null) {
            recoup.close();
        }
    }

    @Test
    void quarantinesAnAcceptanceOfACollectionThatNeverWentIntoAFileAndLeavesTheCollectionWaiting() {
        recoup = new DirectDebitFixture(home, DAY, mail.getSmtp().getPort(),
                SchemaSource.directory(Path.of(System.getProperty("recoup.fixtures")).resolve("xsd")));
        recoup.ingest(DAY, "1,INV-1,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-16,EUR,100.00,\n");
        recoup.mandate("C1", "MANDATE-1", DAY.minusMonths(1));
        recoup.runDay(DAY);
        recoup.drop("sepa/status-inbox", "early.xml", BankFiles.pain002("RCP-D20260301-1", "P1", "RCP-C1-1", "ACCP", null));

        DirectDebitFixture.Day day = recoup.runDay(DAY.plusDays(1));

        assertThat(day.sepa().statusImports()).singleElement().satisfies(i -> assertThat(i.accepted()).isZero());
        assertThat(recoup.jdbc.queryForObject("select reason from quarantine where stage = 'sepa-status'", String.class))
                .isEqualTo("ACCP for end-to-end id RCP-C1-1: collection 1: event ACCEPT is not allowed in state PRE_NOTIFIED"
                        + " (allowed there: [MISS_SUBMISSION_DAY, SUBMIT, WITHDRAW])");
        assertThat(recoup.jdbc.queryForObject("select status from collection", String.class)).isEqualTo("PRE_NOTIFIED");
        assertThat(recoup.runDay(SUBMISSION).sepa().collect().files()).singleElement()
                .satisfies(f -> assertThat(f.endToEndIds()).containsExactly("RCP-C1-1"));
    }
}
