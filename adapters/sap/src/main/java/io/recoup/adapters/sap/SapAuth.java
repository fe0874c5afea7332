package io.recoup.adapters.sap;

import io.recoup.core.port.SourceSettings;
import java.net.URI;
import java.util.Optional;

/**
 * How the adapter signs in to SAP: HTTP Basic with a communication user (on-premise, or a communication arrangement
 * with user and password), or OAuth2 client credentials against the token endpoint of the communication arrangement.
 * {@code toString} never shows a secret.
 */
sealed interface SapAuth {
    record Basic(String user, String password) implements SapAuth {
        @Override
        public String toString() {
            return "Basic(user " + user + ")";
        }
    }

    record OAuth(URI tokenUrl, String clientId, String clientSecret, Optional<String> scope) implements SapAuth {
        @Override
        public String toString() {
            return "OAuth(" + tokenUrl + ", client " + clientId + ")";
        }
    }

    static SapAuth of(SourceSettings s) {
        String kind = s.optional("auth.type").orElse("basic");
        return switch (kind) {
            case "basic" -> new Basic(s.required("auth.user"), s.required("auth.password"));
            case "oauth2" -> new OAuth(URI.create(s.required("auth.token-url")), s.required("auth.client-id"),
                    s.required("auth.client-secret"), s.optional("auth.scope"));
            default -> throw SapSettings.invalid(s, "auth.type", "must be basic or oauth2, not " + kind);
        };
    }
}
