package io.recoup.app.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code recoup.security.*}: the users of the embedded default, each with a password hash (never the password) and
 * roles, and the claim an OIDC provider's tokens carry their roles in.
 */
@ConfigurationProperties("recoup.security")
public record SecuritySettings(List<UserSetting> users, OidcSettings oidc) {
    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
        oidc = oidc == null ? new OidcSettings(null) : oidc;
    }

    /** A configured user: name, a Spring Security hash ({@code {bcrypt}$2a$10$...}, or a bare bcrypt hash), roles. */
    public record UserSetting(String name, String password, List<String> roles) {
        public UserSetting {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** Which claim of a JWT lists the roles ({@code roles} unless set; {@code realm_access.roles} style paths too). */
    public record OidcSettings(String rolesClaim) {
        public OidcSettings {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim.strip();
        }
    }
}
