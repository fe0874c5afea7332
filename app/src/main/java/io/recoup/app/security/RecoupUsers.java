package io.recoup.app.security;

import io.recoup.app.ConfigurationRefused;
import io.recoup.store.access.Accounts;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who sign in with a password: those in {@code recoup.security.users} (a hash each), the admin of
 * {@code recoup.admin.username}/{@code .password} if that password is set, and those stored in the database. With none
 * configured and none stored, the first start makes an {@code admin} with a random password, prints it once to the
 * console and stores only its bcrypt hash: a later start finds the stored user and prints nothing.
 */
public final class RecoupUsers implements UserDetailsService {
    /** Spring Security's {@code {id}hash}, or a bare bcrypt hash. */
    private static final Pattern ENCODED = Pattern.compile("\\{[a-z0-9]+}.+|\\$2[aby]?\\$\\d\\d\\$.{53}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, UserDetails> configured;
    private final Accounts stored;

    private RecoupUsers(Map<String, UserDetails> configured, Accounts stored) {
        this.configured = configured;
        this.stored = stored;
    }

    /**
     * The users from the settings; refuses a password given in clear in {@code recoup.security.users}, an unknown role
     * or a user without one. Makes the first admin when nobody could sign in otherwise.
     */
    public static RecoupUsers from(SecuritySettings settings, String adminName, String adminPassword, Accounts stored,
                                   PasswordEncoder encoder, PrintStream console) {
        Map<String, UserDetails> configured = new LinkedHashMap<>();
        for (int i = 0; i < settings.users().size(); i++) {
            SecuritySettings.UserSetting user = settings.users().get(i);
            String key = "recoup.security.users[" + i + "]";
            if (user.name() == null || user.name().isBlank()) {
                throw new ConfigurationRefused(key + ".name is empty", List.of(key + ".name"));
            }
            if (user.password() == null || !ENCODED.matcher(user.password().strip()).matches()) {
                throw new ConfigurationRefused(key + ".password must be a hash such as {bcrypt}$2a$10$..., never the password itself",
                        List.of(key + ".password"));
            }
            String hash = user.password().strip().startsWith("{") ? user.password().strip() : "{bcrypt}" + user.password().strip();
            configured.put(user.name().strip(), user(user.name().strip(), hash, roles(user.roles(), key + ".roles")));
        }
        if (adminPassword != null && !adminPassword.isBlank()) {
            configured.putIfAbsent(adminName, user(adminName, encoder.encode(adminPassword), Set.of(Role.ADMIN)));
        }
        if (configured.isEmpty() && !stored.hasUsers()) {
            firstAdmin(adminName, stored, encoder, console);
        }
        return new RecoupUsers(configured, stored);
    }

    /** Whom a sign-in names: a configured user first, then a stored one. */
    @Override
    public UserDetails loadUserByUsername(String name) {
        UserDetails user = configured.get(name);
        if (user != null) {
            return User.withUserDetails(user).build();
        }
        Optional<Accounts.StoredUser> found = stored.user(name);
        return found.map(u -> user(u.name(), u.passwordHash(), roles(List.copyOf(u.roles()), "app_user.roles")))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /**
     * Two instances starting at once on an empty database may both get here: only the one whose row is stored prints
     * its password, so the password printed is always the one that works.
     */
    private static void firstAdmin(String name, Accounts stored, PasswordEncoder encoder, PrintStream console) {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        if (stored.addUser(name, encoder.encode(password), Set.of(Role.ADMIN.name()), "first start")) {
            // straight to the console, not through the logger: log files and log shippers never see it
            console.println();
            console.println("Recoup made the first admin, as no user is configured. Sign in as '" + name + "' with");
            console.println();
            console.println("    " + password);
            console.println();
            console.println("This password is shown only now and stored only as a hash. Configure recoup.security.users for more.");
            console.println();
            console.flush();
        }
    }

    private static Set<Role> roles(List<String> names, String key) {
        if (names.isEmpty()) {
            throw new ConfigurationRefused(key + " is empty: give viewer, finance, admin or metrics", List.of(key));
        }
        return names.stream().map(n -> Role.parse(n).orElseThrow(() -> new ConfigurationRefused(key + ": '" + n
                + "' is not one of viewer, finance, admin, metrics", List.of(key)))).collect(java.util.stream.Collectors.toSet());
    }

    private static UserDetails user(String name, String hash, Set<Role> roles) {
        return User.withUsername(name).password(hash).authorities(roles.stream().map(Role::authority).toArray(String[]::new)).build();
    }
}
