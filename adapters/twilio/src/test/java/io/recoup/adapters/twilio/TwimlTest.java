package io.recoup.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwimlTest {
    @Test
    void saysTheTextInTheCustomersLanguageAndGathersOneDigitForTheConnectAnswer() {
        String twiml = Twiml.reminderCall("Rechnung <INV-1> & mehr", Locale.GERMAN, Optional.of(URI.create("https://r.example/webhooks/twilio-connect")));
        assertThat(twiml).isEqualTo("<Response><Gather numDigits=\"1\" timeout=\"5\" action=\"https://r.example/webhooks/twilio-connect?lang=de\""
                + " method=\"POST\"><Say language=\"de-DE\">Rechnung &lt;INV-1&gt; &amp; mehr</Say><Say language=\"de-DE\">"
                + "Um jetzt mit uns zu sprechen, drücken Sie die 1.</Say></Gather></Response>");
    }

    @Test
    void saysEnglishForALanguageWithoutAVoiceAndOffersNothingWithoutANumberToConnectTo() {
        assertThat(Twiml.reminderCall("Hello", Locale.forLanguageTag("fi"), Optional.empty()))
                .isEqualTo("<Response><Say language=\"en-GB\">Hello</Say></Response>");
    }

    @Test
    void connectsOnlyAPressedOne() {
        assertThat(Twiml.afterDigits("1", Optional.of("+49301234567"))).isEqualTo("<Response><Dial>+49301234567</Dial></Response>");
        assertThat(Twiml.afterDigits("2", Optional.of("+49301234567"))).isEqualTo("<Response><Hangup/></Response>");
        assertThat(Twiml.afterDigits("1", Optional.empty())).isEqualTo("<Response><Hangup/></Response>");
    }
}
