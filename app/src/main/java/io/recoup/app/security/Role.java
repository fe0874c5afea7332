package io.recoup.app.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a signed-in person or machine may do. {@code ADMIN} implies {@code FINANCE} and {@code METRICS};
 * {@code FINANCE} implies {@code VIEWER} (see {@link SecurityConfiguration#roleHierarchy()}).
 */
public enum Role {
    /** Reads everything: the dashboard, items, notices, tasks, the exceptions queue, the OpenAPI document. */
    VIEWER,
    /** Changes collections: disputes, blocks, promises, plans, send-now and skip, opt-outs, mandates, exception resolutions. */
    FINANCE,
    /** Policies, connections, users and tokens, the audit log, every actuator endpoint. */
    ADMIN,
    /** Only scrapes {@code /actuator/prometheus}: for a Prometheus server's token. */
    METRICS;

    /** The role as Spring Security names it ({@code ROLE_FINANCE}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role of {@code viewer}, {@code Finance}, {@code ROLE_ADMIN}; empty for anything else. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        name = name.startsWith("ROLE_") ? name.substring(5) : name;
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The lower-case name used in settings, tokens and the OpenAPI document. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
