package io.recoup.routes.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.pain008.Pain008Options;
import io.recoup.sepa.pain008.Pain008Version;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DirectDebitRulesTest {
    @Test
    void namesThePain008DialectsAndRefusesAnUnknownOne() {
        assertThat(DirectDebitSettings.preset("default").version()).isEqualTo(Pain008Version.V08);
        assertThat(DirectDebitSettings.preset("legacy-02").version()).isEqualTo(Pain008Version.V02);
        assertThat(DirectDebitSettings.preset("German-DK")).isEqualTo(Pain008Options.germanDk());
        assertThatThrownBy(() -> DirectDebitSettings.preset("pain.008.003.02")).hasMessageContaining("unknown pain.008 preset");
    }

    @Test
    void refusesASubmissionLaterThanDMinusOne() {
        CreditorDetails creditor = new CreditorDetails("Recoup", Iban.parse("DE89370400440532013000"), Bic.parse("COBADEFFXXX"));
        assertThatThrownBy(() -> new DirectDebitSettings(creditor, new CreditorIdentifier("DE98ZZZ09999999999"),
                Pain008Options.defaults(), 14, 0, Path.of("out"))).hasMessageContaining("D-1");
    }

    @Test
    void masksTheDebtorsAccountInTheNotice() {
        assertThat(PreNotificationText.masked("DE02120300000000202051")).isEqualTo("DE02 **** 2051");
    }
}
