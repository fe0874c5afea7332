package io.recoup.app.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * An OIDC provider's JWT as a Recoup sign-in: the roles from one claim ({@code roles}, or a dotted path such as
 * {@code realm_access.roles} for Keycloak), each a list of role names; names that are no Recoup role are ignored. The
 * user's name is the {@code preferred_username} claim if there is one, else the subject.
 */
final class OidcRoles {
    private OidcRoles() {
    }

    static Converter<Jwt, AbstractAuthenticationToken> converter(String rolesClaim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> authorities(jwt, rolesClaim));
        converter.setPrincipalClaimName("preferred_username");
        return jwt -> {
            if (jwt.getClaimAsString("preferred_username") == null) {
                JwtAuthenticationConverter bySubject = new JwtAuthenticationConverter();
                bySubject.setJwtGrantedAuthoritiesConverter(j -> authorities(j, rolesClaim));
                return bySubject.convert(jwt);
            }
            return converter.convert(jwt);
        };
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt, String rolesClaim) {
        Object value = jwt.getClaims();
        for (String part : rolesClaim.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<?> names = value instanceof Collection<?> c ? List.copyOf(c) : value instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
        return names.stream().map(n -> Role.parse(String.valueOf(n))).flatMap(Optional::stream)
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    /** Bearer tokens, except our own API tokens: those are signed in by {@link ApiTokenFilter}. */
    static BearerTokenResolver resolverSkipping(String prefix) {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> {
            String token = standard.resolve(request);
            return token == null || token.startsWith(prefix) ? null : token;
        };
    }
}
