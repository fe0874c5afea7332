package io.recoup.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.store.Database;
import io.recoup.store.access.Accounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may call what. Open: the health check (liveness and readiness), the providers' webhooks, which carry their own
 * signature, and the links in customers' messages, which carry a signed token. The API, the actuator and the OpenAPI document: stateless, signed in by HTTP Basic, an API token
 * ({@code Bearer rcp_...}) or, with {@code spring.security.oauth2.resourceserver.jwt.*} set, an OIDC provider's JWT;
 * each route needs the role {@link ApiRoutes} gives it; no CSRF, as no cookie signs anything in. Everything else (the
 * pages to come): form login with a session, CSRF on every form post, a strict Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI's page styles itself inline; nothing else is allowed from anywhere but here. */
    private static final String PAGE_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * The health check answers whatever credentials come with it: a load balancer configured with an old password must
     * not take a healthy instance out. Basic credentials that are right show an admin each part's details; wrong ones
     * are ignored here (the filter made with only an authentication manager does not refuse), never answered 401.
     */
    @Bean
    @Order(1)
    SecurityFilterChain health(HttpSecurity http, RecoupUsers users, PasswordEncoder encoder) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(encoder);
        passwords.setUserDetailsService(users);
        http.addFilter(new BasicAuthenticationFilter(new ProviderManager(passwords)));
        return open(http, "/actuator/health", "/actuator/health/**");
    }

    /**
     * The providers' webhooks ({@code /webhooks/stripe}, {@code /webhooks/twilio/status}), each checking its signature:
     * a machine posts, nobody signs in, nothing is kept between requests. So the chain holds only what such a request
     * needs (the firewall, the security headers, the permit): no security context loaded or saved, no anonymous user
     * made, no request cache looked up, no logout, no session. A provider delivers many events a second here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(ApiRoutes.WEBHOOKS + "**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .securityContext(c -> c.disable())
                .sessionManagement(s -> s.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .servletApi(s -> s.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.disable())
                .build();
    }

    /**
     * The links in customers' messages ({@code /pay/<token>}, {@code /unsubscribe/<token>}), each checking its signed
     * token: the rest of {@link ApiRoutes#OPEN}.
     */
    @Bean
    @Order(3)
    SecurityFilterChain links(HttpSecurity http) throws Exception {
        return open(http, ApiRoutes.OPEN.stream().filter(prefix -> !prefix.equals(ApiRoutes.WEBHOOKS)).map(prefix -> prefix + "**")
                .toArray(String[]::new));
    }

    /** A chain that asks for no login, keeps no session and has no form for CSRF to guard. */
    private static SecurityFilterChain open(HttpSecurity http, String... patterns) throws Exception {
        return http
                .securityMatcher(patterns)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(SecurityConfiguration::stateless)
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ObjectMapper json, ObjectProvider<JwtDecoder> oidc,
                            SecuritySettings settings) throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(SecurityConfiguration::byRole)
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.disable()) // no cookie signs a call in here: nothing for CSRF to ride on
                .sessionManagement(SecurityConfiguration::stateless)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP)));
        if (oidc.getIfAvailable() != null) {
            http.oauth2ResourceServer(o -> o.bearerTokenResolver(OidcRoles.resolverSkipping(ApiTokens.PREFIX))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems)
                    .jwt(j -> j.jwtAuthenticationConverter(OidcRoles.converter(settings.oidc().rolesClaim()))));
        }
        return http.build();
    }

    /** The pages (a later change adds them): a person signs in on a form, every form post carries a CSRF token. */
    @Bean
    @Order(5)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a.requestMatchers("/login", "/error").permitAll().anyRequest().hasRole(Role.VIEWER.name()))
                .formLogin(Customizer.withDefaults())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(PAGE_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Keeps no session and leaves alone the one a cookie may name: a call signed in by its own credentials is not a
     * sign-in to the person's session that came along with it (a signed-in browser calling the API, a client with a
     * cookie store). Spring's default would give that session a new id on every such call, and a page asked for at the
     * same time with the old id would be sent to the login form.
     */
    private static void stateless(SessionManagementConfigurer<HttpSecurity> session) {
        session.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none());
    }

    private static void byRole(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        for (ApiRoutes.Rule rule : ApiRoutes.RULES) {
            (rule.method() == null ? a.requestMatchers(rule.pattern()) : a.requestMatchers(rule.method(), rule.pattern()))
                    .hasRole(rule.role().name());
        }
        a.anyRequest().hasRole(ApiRoutes.DEFAULT.name());
    }

    /** An admin may do what finance may and scrape metrics; finance may read what a viewer may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.FINANCE.name(), Role.METRICS.name())
                .role(Role.FINANCE.name()).implies(Role.VIEWER.name())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ApiTokens apiTokens(Database db) {
        return new ApiTokens(new Accounts(db));
    }

    @Bean
    RecoupUsers recoupUsers(SecuritySettings settings, @Value("${recoup.admin.username:admin}") String adminName,
                            @Value("${recoup.admin.password:}") String adminPassword, Database db, PasswordEncoder encoder) {
        return RecoupUsers.from(settings, adminName, adminPassword, new Accounts(db), encoder, System.out);
    }
}
