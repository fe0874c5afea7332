package io.recoup.routes.directdebit;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.message.MessageTemplates;
import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.collection.PreNotification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pre-notification rendered from the bundled templates: word for word as before in en and de, and in fr, es, pt. */
class PreNotificationTextTest {
    private static final LocalDate DUE = LocalDate.of(2026, 3, 16);
    private static final CreditorDetails CREDITOR = new CreditorDetails("Recoup Test GmbH", Iban.parse("DE89370400440532013000"),
            Bic.parse("COBADEFFXXX"));
    private static final PreNotification NOTICE = new PreNotification(DUE, new SepaAmount(new BigDecimal("100.00")),
            new MandateReference("MANDATE-1"), new CreditorIdentifier("DE98ZZZ09999999999"), "Acme Ltd",
            Iban.parse(DirectDebitFixture.DEBTOR_IBAN), DUE.minusDays(14));

    private final PreNotificationText text = new PreNotificationText(new MessageTemplates(
            p -> Optional.ofNullable(DirectDebitFixture.resource("/recoup/templates/" + p)), Locale.ENGLISH));

    private MessageTemplates.RenderedMessage render(Locale language) {
        return text.render(language, "INV-1", NOTICE, CREDITOR);
    }

    @Test
    void writesTheEnglishNoticeWordForWordAsBefore() {
        MessageTemplates.RenderedMessage m = render(Locale.ENGLISH);

        assertThat(m.subject()).isEqualTo("SEPA direct debit on Mar 16, 2026: EUR 100.00 for INV-1");
        assertThat(m.body()).isEqualTo("""
                Dear Acme Ltd,

                on Mar 16, 2026 we will collect EUR 100.00 for invoice INV-1 by SEPA direct debit from your account DE02 **** 2051.

                Amount:                 EUR 100.00
                Due date:               Mar 16, 2026
                Mandate reference:      MANDATE-1
                Creditor identifier:    DE98ZZZ09999999999
                Creditor:               Recoup Test GmbH

                Please make sure the account is funded on that day. There is nothing you need to pay by transfer.
                """);
    }

    @Test
    void writesTheGermanNoticeWordForWordAsBefore() {
        MessageTemplates.RenderedMessage m = render(Locale.GERMANY);

        assertThat(m.subject()).isEqualTo("SEPA-Lastschrift am 16.03.2026: EUR 100.00 für INV-1");
        assertThat(m.body()).isEqualTo("""
                Guten Tag Acme Ltd,

                wir ziehen am 16.03.2026 den Betrag von EUR 100.00 für die Rechnung INV-1 per SEPA-Lastschrift von Ihrem Konto DE02 **** 2051 ein.

                Betrag:                 EUR 100.00
                Fälligkeitstag:         16.03.2026
                Mandatsreferenz:        MANDATE-1
                Gläubiger-ID:           DE98ZZZ09999999999
                Zahlungsempfänger:      Recoup Test GmbH

                Bitte sorgen Sie für ausreichende Deckung. Sie müssen nichts überweisen.
                """);
    }

    @Test
    void writesFrenchSpanishAndPortugueseWithEveryFactAndTheirOwnDates() {
        assertThat(render(Locale.FRENCH).subject()).isEqualTo("Prélèvement SEPA le 16 mars 2026 : EUR 100.00 pour INV-1");
        assertThat(render(Locale.forLanguageTag("es")).subject()).isEqualTo("Adeudo directo SEPA el 16 mar 2026: EUR 100.00 por INV-1");
        assertThat(render(Locale.forLanguageTag("pt")).subject())
                .isEqualTo("Débito direto SEPA em 16 de mar. de 2026: EUR 100.00 referente a INV-1");
        for (String language : new String[] {"fr", "es", "pt"}) {
            assertThat(render(Locale.forLanguageTag(language)).body()).as(language)
                    .contains("Acme Ltd", "EUR 100.00", "INV-1", "DE02 **** 2051", "MANDATE-1", "DE98ZZZ09999999999", "Recoup Test GmbH");
        }
    }

    @Test
    void writesEnglishWithEnglishDatesForALanguageWithoutTheTemplateOrWithARegion() {
        assertThat(render(Locale.ITALIAN).subject()).isEqualTo("SEPA direct debit on Mar 16, 2026: EUR 100.00 for INV-1");
        assertThat(render(Locale.UK).subject()).isEqualTo("SEPA direct debit on Mar 16, 2026: EUR 100.00 for INV-1");
    }
}
