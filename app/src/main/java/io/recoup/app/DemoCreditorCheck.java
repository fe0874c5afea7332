package io.recoup.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code serve} with a real mail host must not send reminders that ask customers to pay into the demo's bank account
 * (application.yaml's defaults): the start is refused, naming the keys still on the demo's values. With the local mail
 * sink nothing leaves the machine, so the demo values only earn a warning.
 */
@Component
@ConditionalOnWebApplication
class DemoCreditorCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCreditorCheck.class);
    static final String DEMO_NAME = "Recoup Demo GmbH";
    static final String DEMO_IBAN = "DE89370400440532013000";
    static final String DEMO_SENDER = "accounts-receivable@recoup.example";

    DemoCreditorCheck(RecoupProperties props) {
        List<String> demoKeys = demoValuesIn(props);
        if (demoKeys.isEmpty()) {
            return;
        }
        if (!props.mail().localSink()) {
            throw new ConfigurationRefused("recoup.mail.host is set, so reminders go to real customers, but " + still(demoKeys)
                    + ": set your own company's bank account and sender address before serving", demoKeys);
        }
        LOG.warn("{}; reminders go only to the local mail sink until recoup.mail.host is set", still(demoKeys));
    }

    private static String still(List<String> keys) {
        return String.join(", ", keys) + (keys.size() == 1 ? " is still the demo's value" : " are still the demo's values");
    }

    /** The keys whose values are still the demo's. */
    static List<String> demoValuesIn(RecoupProperties props) {
        List<String> keys = new ArrayList<>();
        if (DEMO_NAME.equalsIgnoreCase(props.creditor().name().strip())) {
            keys.add("recoup.creditor.name");
        }
        if (DEMO_IBAN.equals(props.creditor().iban().replace(" ", "").toUpperCase(Locale.ROOT))) {
            keys.add("recoup.creditor.iban");
        }
        if (DEMO_SENDER.equalsIgnoreCase(props.mail().from().strip())) {
            keys.add("recoup.mail.from");
        }
        return keys;
    }
}
