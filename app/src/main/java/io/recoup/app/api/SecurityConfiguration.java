package io.recoup.app.api;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call needs HTTP Basic credentials ({@code recoup.admin.username} / {@code recoup.admin.password}); only the
 * health check and the payment providers' webhooks (which carry their own signature) are open. With no password configured the API stays locked (a random password nobody knows), and
 * nothing secret is ever logged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The health check answers whatever credentials come with it: a load balancer configured with an old password must
     * not take a healthy instance out. Without HTTP Basic on this chain, an Authorization header is not even read.
     */
    @Bean
    @Order(1)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/actuator/health", "/actuator/health/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The payment providers' webhooks: the provider signs each delivery and {@link WebhookController} checks it over the
     * raw body, so no login is asked and no session is made.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/webhooks/*")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable()) // a machine API with Basic auth and no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService admins(@Value("${recoup.admin.username:admin}") String username,
                              @Value("${recoup.admin.password:}") String password, PasswordEncoder encoder) {
        String effective = password;
        if (password.isBlank()) {
            LOG.warn("recoup.admin.password is not set: the admin API is locked until it is");
            effective = UUID.randomUUID().toString();
        }
        return new InMemoryUserDetailsManager(User.withUsername(username).password(encoder.encode(effective)).roles("ADMIN").build());
    }
}
