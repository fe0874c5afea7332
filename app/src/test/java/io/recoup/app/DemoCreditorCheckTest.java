package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCreditorCheckTest {

    @Test
    void refusesARealMailHostWhileTheBankAccountIsStillTheDemosAndNamesOnlyThoseKeys() {
        assertThatThrownBy(() -> new DemoCreditorCheck(props("ACME Tools GmbH", "DE89 3704 0044 0532 0130 00", "ar@acme.example",
                "smtp.acme.example"))).isInstanceOf(ConfigurationRefused.class)
                .hasMessageContaining("but recoup.creditor.iban is still the demo's value")
                .satisfies(e -> assertThat(((ConfigurationRefused) e).keys()).containsExactly("recoup.creditor.iban"));
    }

    @Test
    void startsWithOwnDetailsOrWhenOnlyTheLocalMailSinkReceivesTheReminders() {
        new DemoCreditorCheck(props("ACME Tools GmbH", "DE02120300000000202051", "ar@acme.example", "smtp.acme.example"));
        new DemoCreditorCheck(props(DemoCreditorCheck.DEMO_NAME, DemoCreditorCheck.DEMO_IBAN, DemoCreditorCheck.DEMO_SENDER, ""));
        assertThat(DemoCreditorCheck.demoValuesIn(props(DemoCreditorCheck.DEMO_NAME, DemoCreditorCheck.DEMO_IBAN,
                DemoCreditorCheck.DEMO_SENDER, ""))).containsExactly("recoup.creditor.name", "recoup.creditor.iban", "recoup.mail.from");
    }

    private static RecoupProperties props(String name, String iban, String from, String host) {
        return new RecoupProperties(Path.of("var"), new RecoupProperties.DatabaseSettings("", "", ""), null, null,
                new RecoupProperties.CompanySettings(ZoneId.of("Europe/Berlin")), new RecoupProperties.CreditorSettings(name, iban, "COBADEFFXXX"),
                new RecoupProperties.MailSettings(host, 587, from, "", "", true), "classpath:recoup/policies/default.yaml",
                new RecoupProperties.PostingSettings("RCP"), List.of(), java.util.Map.of());
    }
}
