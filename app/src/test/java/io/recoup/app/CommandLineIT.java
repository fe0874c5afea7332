package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.store.TemporaryFolders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code java -jar recoup.jar} as a user runs it: asking for help, and serving with settings it must refuse. */
class CommandLineIT {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void printsTheUsageAndExitsWithoutStartingAnything(String ask) throws Exception {
        try (RecoupProcess recoup = RecoupProcess.start(ask)) {
            assertThat(recoup.awaitExit()).as(recoup.output()).isZero();
            assertThat(recoup.output()).startsWith("usage: java -jar recoup.jar [job] [options]")
                    .contains("serve", "demo", "simulate").doesNotContain("Tomcat", "PostgreSQL");
        }
    }

    @Test
    void refusesToServeRealMailWithTheDemosBankAccountAndSenderNamingTheKeys() throws Exception {
        Path home = TemporaryFolders.create("recoup-serve-refused");
        try (RecoupProcess recoup = RecoupProcess.start("serve", "--recoup.home=" + home, "--server.port=0",
                "--recoup.mail.host=smtp.company.example")) {
            assertThat(recoup.awaitExit()).as(recoup.output()).isNotZero();
            assertThat(recoup.output()).contains("APPLICATION FAILED TO START").contains("recoup.mail.host is set, so reminders go to "
                    + "real customers, but recoup.creditor.name, recoup.creditor.iban, recoup.mail.from are still the demo's values");
        } finally {
            RecoupProcess.stopServerIn(home);
        }
    }
}
