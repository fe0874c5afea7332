package io.recoup.app.ui;

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
 * promise to pay, send now) is a POST and needs role finance; policy uploads will need admin. Until the roles exist
 * (today the one user is an admin), the admin role may do what finance does. Ordered before the API's chain, which
 * would otherwise answer {@code /ui} with an HTTP Basic challenge.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class UiSecurity {
    /** The roles that may change something from the pages (resolve, pause, promise, send now). */
    static final String[] MAY_ACT = {"FINANCE", "ADMIN"};

    @Bean
    @Order(0)
    SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/ui", "/ui/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/ui/login", "/ui/assets/**", "/ui/recoup.css", "/ui/charts.js").permitAll()
                        .requestMatchers(HttpMethod.POST, "/ui/logout").authenticated()
                        .requestMatchers(HttpMethod.POST, "/ui/**").hasAnyRole(MAY_ACT)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/ui/login").loginProcessingUrl("/ui/login").defaultSuccessUrl("/ui/aging")
                        .failureUrl("/ui/login?error").permitAll())
                .logout(l -> l.logoutUrl("/ui/logout").logoutSuccessUrl("/ui/login?signedOut"))
                .build();
    }
}
