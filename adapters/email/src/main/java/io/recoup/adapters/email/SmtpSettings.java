package io.recoup.adapters.email;

import java.util.Objects;
import java.util.Optional;

/** Where and as whom to send: SMTP host and port, sender address, optional login and STARTTLS. */
public record SmtpSettings(String host, int port, String from, Optional<String> username, Optional<String> password,
                           boolean startTls) {
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("SMTP port " + port + " is out of range");
        }
    }

    /** The password is never part of the printed form. */
    @Override
    public String toString() {
        return "smtp://" + username.map(u -> u + "@").orElse("") + host + ":" + port + " from " + from;
    }
}
