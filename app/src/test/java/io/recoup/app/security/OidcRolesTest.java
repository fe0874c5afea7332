package io.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class OidcRolesTest {

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60)).claims(c -> c.putAll(claims)).build();
    }

    @Test
    void readsTheRolesFromANestedClaimAndIgnoresNamesThatAreNoRecoupRole() {
        Jwt keycloak = jwt(Map.of("realm_access", Map.of("roles", List.of("finance", "offline_access"))));
        assertThat(OidcRoles.authorities(keycloak, "realm_access.roles")).extracting(Object::toString).containsExactly("ROLE_FINANCE");
        assertThat(OidcRoles.authorities(jwt(Map.of("scope", "x")), "roles")).isEmpty();
    }

    @Test
    void namesThePersonByPreferredUsernameElseBySubject() {
        assertThat(OidcRoles.converter("roles").convert(jwt(Map.of("preferred_username", "olga", "roles", List.of("viewer")))).getName())
                .isEqualTo("olga");
        assertThat(OidcRoles.converter("roles").convert(jwt(Map.of("roles", "viewer"))).getName()).isEqualTo("sub-1");
    }
}
