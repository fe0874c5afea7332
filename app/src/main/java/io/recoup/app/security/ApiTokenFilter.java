package io.recoup.app.security;

import io.recoup.store.access.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in by its {@code Authorization: Bearer rcp_...} API token. A token that is unknown or revoked is
 * refused at once (401); any other bearer token is left to the OIDC resource server, if one is configured.
 */
final class ApiTokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint refusal;

    ApiTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refusal) {
        this.tokens = tokens;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !header.substring(BEARER.length()).strip().startsWith(ApiTokens.PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Accounts.StoredToken> token = tokens.use(header.substring(BEARER.length()).strip());
        if (token.isEmpty()) {
            SecurityContextHolder.clearContext();
            refusal.commence(request, response, new BadCredentialsException("unknown or revoked API token"));
            return;
        }
        List<SimpleGrantedAuthority> authorities = token.get().roles().stream().map(Role::parse).flatMap(Optional::stream)
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("token:" + token.get().name(), null, authorities));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
