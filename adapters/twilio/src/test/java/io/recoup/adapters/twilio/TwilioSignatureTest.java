package io.recoup.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    // the example of Twilio's request-validation documentation and of its own libraries' tests
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "From", "+14158675309", "To", "+18005551212");
    private static final String EXPECTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final TwilioSignature signature = new TwilioSignature("12345");

    @Test
    void signsTwiliosPublishedExampleAsTwilioDoes() {
        assertThat(signature.sign(URL, PARAMS)).isEqualTo(EXPECTED);
        assertThat(signature.verifies(URL, PARAMS, EXPECTED)).isTrue();
    }

    @Test
    void refusesAChangedParameterAnotherUrlAnotherTokenAndNoSignature() {
        Map<String, String> changed = new LinkedHashMap<>(PARAMS);
        changed.put("Digits", "9");
        assertThat(signature.verifies(URL, changed, EXPECTED)).isFalse();
        assertThat(signature.verifies("https://mycompany.com/myapp.php?foo=1&bar=3", PARAMS, EXPECTED)).isFalse();
        assertThat(new TwilioSignature("54321").verifies(URL, PARAMS, EXPECTED)).isFalse();
        assertThat(signature.verifies(URL, PARAMS, null)).isFalse();
        assertThat(signature.verifies(URL, PARAMS, "")).isFalse();
    }
}
