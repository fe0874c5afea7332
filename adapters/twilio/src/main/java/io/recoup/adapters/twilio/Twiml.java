package io.recoup.adapters.twilio;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The TwiML documents Recoup gives Twilio: the reminder call ({@code <Say>} in the customer's language inside a
 * {@code <Gather>} for one digit) and the answer to the digit (a pressed 1 is {@code <Dial>}led through to the
 * configured number). Every text is XML-escaped.
 */
public final class Twiml {
    /** Twilio's text-to-speech languages for the five we write in. */
    private static final Map<String, String> VOICES = Map.of("en", "en-GB", "de", "de-DE", "fr", "fr-FR", "es", "es-ES",
            "pt", "pt-PT");
    private static final Map<String, String> PRESS_ONE = Map.of(
            "en", "To speak to us now, press 1.",
            "de", "Um jetzt mit uns zu sprechen, drücken Sie die 1.",
            "fr", "Pour nous parler maintenant, appuyez sur 1.",
            "es", "Para hablar con nosotros ahora, pulse 1.",
            "pt", "Para falar connosco agora, prima 1.");

    private Twiml() {
    }

    /**
     * The call: the text said once in {@code language} (English when we have no voice for it), then, with a
     * {@code connect} URL, "press 1" gathered and posted there.
     */
    public static String reminderCall(String text, Locale language, Optional<URI> connect) {
        String lang = VOICES.containsKey(language.getLanguage()) ? language.getLanguage() : "en";
        String say = "<Say language=\"" + VOICES.get(lang) + "\">" + escape(text.strip()) + "</Say>";
        if (connect.isEmpty()) {
            return "<Response>" + say + "</Response>";
        }
        return "<Response><Gather numDigits=\"1\" timeout=\"5\" action=\"" + escape(connect.get().toString()) + "?lang=" + lang
                + "\" method=\"POST\">" + say + "<Say language=\"" + VOICES.get(lang) + "\">" + escape(PRESS_ONE.get(lang))
                + "</Say></Gather></Response>";
    }

    /** The answer to the digit the callee pressed: connected to {@code number} on 1, else the call ends. */
    public static String afterDigits(String digits, Optional<String> number) {
        if ("1".equals(digits) && number.isPresent()) {
            return "<Response><Dial>" + escape(number.get()) + "</Dial></Response>";
        }
        return "<Response><Hangup/></Response>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
