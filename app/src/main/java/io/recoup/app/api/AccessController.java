package io.recoup.app.api;

import io.recoup.app.security.ApiTokens;
import io.recoup.app.security.Role;
import io.recoup.store.Database;
import io.recoup.store.access.Accounts;
import io.recoup.store.access.AuditLog;
import java.security.Principal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an admin manages about access: API tokens for machines (the token is shown once, when made), users who sign
 * in with a password (stored as a bcrypt hash), and the audit log of every change people made through the API.
 */
@RestController
@ConditionalOnWebApplication // its tokens and password encoder come with the web application's security
@RequestMapping("/api/admin")
public class AccessController {
    static final int MIN_PASSWORD = 12;

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AuditLog auditLog;
    private final AuditTrail audit;
    private final PasswordEncoder encoder;

    public AccessController(Database db, ApiTokens tokens, AuditTrail audit, PasswordEncoder encoder) {
        this.accounts = new Accounts(db);
        this.tokens = tokens;
        this.auditLog = new AuditLog(db);
        this.audit = audit;
        this.encoder = encoder;
    }

    /** A token or user to make: a name and its roles (viewer, finance, admin, metrics). */
    record TokenRequest(String name, List<String> roles) {}

    /** A user who signs in with a password; the password is kept only as its hash. */
    record UserRequest(String name, String password, List<String> roles) {}

    @GetMapping("/audit")
    public Map<String, Object> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String target,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        RequestChecks check = new RequestChecks(null);
        Page p = Page.of(check, page, size);
        check.refuseIfAny();
        return p.body("entries", auditLog.page(Optional.ofNullable(actor), Optional.ofNullable(target), p.offset(), p.limit()));
    }

    @PostMapping("/tokens")
    public ResponseEntity<Map<String, Object>> issue(@RequestBody TokenRequest body, Principal who) {
        RequestChecks check = new RequestChecks(null);
        String name = check.text(body.name(), "name", 100);
        Set<Role> roles = roles(check, body.roles());
        check.refuseIfAny();
        ApiTokens.Issued issued = audit.change(who, "token.issue", "token " + name.strip(),
                () -> accounts.tokens().stream().filter(t -> t.name().equals(name.strip())).toList(),
                () -> tokens.issue(name.strip(), roles, who.getName()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", issued.id());
        answer.put("token", issued.token());
        answer.put("note", "shown only now: Recoup keeps only its hash");
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @GetMapping("/tokens")
    public List<Accounts.StoredToken> tokens() {
        return accounts.tokens();
    }

    @DeleteMapping("/tokens/{id}")
    public Map<String, Object> revoke(@PathVariable long id, Principal who) {
        Accounts.StoredToken token = accounts.token(id).orElseThrow(() -> new NotFound("no token " + id));
        boolean revoked = audit.change(who, "token.revoke", "token " + token.name(), () -> accounts.token(id).orElseThrow(),
                () -> accounts.revokeToken(id, who.getName()));
        return Map.of("id", id, "revoked", revoked);
    }

    @PostMapping("/users")
    public ResponseEntity<Map<String, Object>> addUser(@RequestBody UserRequest body, Principal who) {
        RequestChecks check = new RequestChecks(null);
        String name = check.text(body.name(), "name", 100);
        String password = check.text(body.password(), "password", 200);
        if (password != null && password.length() < MIN_PASSWORD) {
            check.refuse("password", "has " + password.length() + " characters; at least " + MIN_PASSWORD + " are needed");
        }
        Set<Role> roles = roles(check, body.roles());
        check.refuseIfAny();
        Set<String> names = roles.stream().map(Role::name).collect(Collectors.toSet());
        audit.change(who, "user.add", "user " + name.strip(), () -> accounts.user(name.strip())
                .map(u -> Map.of("name", u.name(), "roles", u.roles())).orElse(null), () -> {
            if (!accounts.addUser(name.strip(), encoder.encode(password), names, who.getName())) {
                throw new Conflict("a user named " + name.strip() + " exists already");
            }
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("name", name.strip(), "roles", names));
    }

    private static Set<Role> roles(RequestChecks check, List<String> given) {
        List<String> names = check.required(given, "roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; names != null && i < names.size(); i++) {
            String name = names.get(i);
            Optional<Role> role = Role.parse(name);
            if (role.isEmpty()) {
                check.refuse("roles[" + i + "]", "'" + RequestChecks.shortened(String.valueOf(name)) + "' is not viewer, finance, admin or metrics");
            }
            role.ifPresent(roles::add);
        }
        if (names != null && names.isEmpty()) {
            check.refuse("roles", "at least one role is needed");
        }
        return roles;
    }
}
