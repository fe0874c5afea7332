package io.recoup.app.ui;

import io.recoup.app.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open the dashboard's pages: people sign in with a form at {@code /ui/login} (the application's users, the
 * same {@code UserDetailsService} the API checks), the session carries them, and every form posts a CSRF token. Reading
 * a page needs a signed-in user (role viewer at least); every change (resolving an exception, a dispute or block, a
 * promise to pay, send now) is a POST and needs role finance (an admin has it through the role hierarchy of
 * {@link io.recoup.app.security.SecurityConfiguration}); the policy pages (upload, preview, activate) need role admin,
 * reading them too; a metrics-only token reads no page. Ordered before the API's
 * chain, which would otherwise answer {@code /ui} with an HTTP Basic challenge.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class UiSecurity {
    @Bean
    @Order(0)
    SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/ui", "/ui/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/ui/login", "/ui/assets/**", "/ui/recoup.css", "/ui/charts.js").permitAll()
                        .requestMatchers(HttpMethod.POST, "/ui/logout").authenticated()
                        .requestMatchers("/ui/policies", "/ui/policies/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/ui/**").hasRole(Role.FINANCE.name())
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .formLogin(f -> f.loginPage("/ui/login").loginProcessingUrl("/ui/login").defaultSuccessUrl("/ui/aging")
                        .failureUrl("/ui/login?error").permitAll())
                .logout(l -> l.logoutUrl("/ui/logout").logoutSuccessUrl("/ui/login?signedOut"))
                .build();
    }
}
