package io.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.app.ConfigurationRefused;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class RecoupUsersTest {
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PrintStream console = new PrintStream(new ByteArrayOutputStream());

    private RecoupUsers users(SecuritySettings.UserSetting... users) {
        // configured users never ask the database: no stored accounts are needed here
        return RecoupUsers.from(new SecuritySettings(List.of(users), null), "admin", "", null, encoder, console);
    }

    @Test
    void refusesAPasswordGivenInClearNamingTheKey() {
        assertThatThrownBy(() -> users(new SecuritySettings.UserSetting("erin", "hunter2", List.of("finance"))))
                .isInstanceOf(ConfigurationRefused.class).hasMessageContaining("recoup.security.users[0].password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesAnUnknownRoleOrNone() {
        String hash = new BCryptPasswordEncoder(4).encode("a long passphrase");
        assertThatThrownBy(() -> users(new SecuritySettings.UserSetting("erin", hash, List.of("boss"))))
                .isInstanceOf(ConfigurationRefused.class).hasMessageContaining("recoup.security.users[0].roles").hasMessageContaining("'boss'");
        assertThatThrownBy(() -> users(new SecuritySettings.UserSetting("erin", hash, List.of())))
                .isInstanceOf(ConfigurationRefused.class).hasMessageContaining("recoup.security.users[0].roles is empty");
    }

    @Test
    void takesABareBcryptHashAndGivesTheRoles() {
        String hash = new BCryptPasswordEncoder(4).encode("a long passphrase");
        var erin = users(new SecuritySettings.UserSetting("erin", hash, List.of("Finance", "ROLE_metrics"))).loadUserByUsername("erin");
        assertThat(encoder.matches("a long passphrase", erin.getPassword())).isTrue();
        assertThat(erin.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_FINANCE", "ROLE_METRICS");
    }
}
