package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import io.recoup.app.security.RecoupUsers;
import io.recoup.app.security.SecuritySettings;
import io.recoup.store.Database;
import io.recoup.store.access.Accounts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Roles, users, API tokens, OIDC bearer tokens and the audit log over real HTTP against the real application (see
 * {@link SignedInApi} for the users and the OIDC provider's key).
 */
class AccessApiIT extends SignedInApi {
    private static final String UNKNOWN = "DEMO-ASR-20260304-0002";

    @Autowired
    Database db;
    @Autowired
    PasswordEncoder encoder;

    private long receipt(String bankReference) {
        return jdbc.queryForObject("select id from receipt where provider_id = ?", Long.class, bankReference);
    }

    @Test
    void aViewerCannotResolveAnExceptionButFinanceCan() {
        threeSampleDays();
        long id = receipt(UNKNOWN);
        assertThat(as("viewer").getForEntity("/api/exceptions", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> refused = as("viewer").postForEntity("/api/exceptions/" + id + "/not-ours", Map.of("reason", "x"), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).containsEntry("detail", "this call needs the role finance");
        assertThat(jdbc.queryForObject("select status from receipt where id = ?", String.class, id)).isEqualTo("UNMATCHED");

        assertThat(as("finance").postForEntity("/api/exceptions/" + id + "/not-ours", Map.of("reason", "for our sister company"),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select status from receipt where id = ?", String.class, id)).isEqualTo("NOT_OURS");
        assertThat(jdbc.queryForObject("select count(*) from event_log where actor = 'finance' and why = 'for our sister company'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void refusesWithoutALoginAsAProblemAndKeepsAdminCallsForAdmins() {
        ResponseEntity<Map> anonymous = http.getForEntity("/api/dashboard", Map.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).anyMatch(h -> h.startsWith("Basic"));
        assertThat(http.withBasicAuth("viewer", "wrong").getForEntity("/api/dashboard", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("viewer").getForEntity("/api/dashboard", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("finance").getForEntity("/api/admin/audit", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("finance").getForEntity("/api/admin/tokens", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity("/api/admin/tokens", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> unknown = as("admin").getForEntity("/api/admin/nothing-here", Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anApiTokenSignsAMachineInWithItsRolesUntilRevokedAndOnlyItsHashIsStored() {
        ResponseEntity<Map> issued = as("admin").postForEntity("/api/admin/tokens", Map.of("name", "erp-sync", "roles", List.of("viewer")),
                Map.class);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String token = (String) issued.getBody().get("token");
        long id = ((Number) issued.getBody().get("id")).longValue();
        assertThat(token).startsWith("rcp_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, id))
                .hasSize(64).doesNotContain(token.substring(4));

        assertThat(withBearer(token, HttpMethod.GET, "/api/items?size=1", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withBearer(token, HttpMethod.POST, "/api/items/csv/1008/disputes", Map.of("reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withBearer("rcp_not-a-token-we-made", HttpMethod.GET, "/api/items", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        as("admin").delete("/api/admin/tokens/" + id);
        assertThat(withBearer(token, HttpMethod.GET, "/api/items", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("admin").getForObject("/api/admin/audit?actor=admin&size=200", Map.class).get("entries").toString())
                .contains("token.issue").contains("token.revoke").doesNotContain(token);
    }

    @Test
    void theAuditLogRecordsWhoChangedWhatWithTheStateBeforeAndAfter() {
        threeSampleDays();
        assertThat(as("finance").postForEntity("/api/items/csv/1008/disputes", Map.of("reason", "wrong quantity"), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> refused = as("finance").postForEntity("/api/items/csv/1008/promises", Map.of("amount", "-1"), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        List<Map<String, Object>> entries = (List<Map<String, Object>>) as("admin")
                .getForObject("/api/admin/audit?target=item csv:1008", Map.class).get("entries");
        assertThat(entries).first().satisfies(e -> {
            assertThat(e).containsEntry("actor", "finance").containsEntry("action", "item.dispute");
            assertThat((String) e.get("before")).doesNotContain("wrong quantity");
            assertThat((String) e.get("after")).contains("wrong quantity").contains("DISPUTE");
        });
        assertThat(entries).as("a refused change leaves no audit line").noneMatch(e -> "item.promise".equals(e.get("action")));
        assertThat(as("viewer").getForEntity("/api/admin/audit", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anOidcTokenSignsInWithTheRolesOfItsClaim() throws JOSEException {
        threeSampleDays();
        long id = receipt(UNKNOWN);
        String viewer = jwt("vera", List.of("viewer", "not-a-recoup-role"));
        assertThat(withBearer(viewer, HttpMethod.GET, "/api/exceptions", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withBearer(viewer, HttpMethod.POST, "/api/exceptions/" + id + "/refund", Map.of("reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withBearer(jwt("fin", List.of("finance")), HttpMethod.POST, "/api/exceptions/" + id + "/refund",
                Map.of("reason", "asked by the payer")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select actor from audit_log where action = 'receipt.refund' order by id desc limit 1",
                String.class)).isEqualTo("fin");
        String forged = viewer.substring(0, viewer.lastIndexOf('.') + 1) + "AAAA";
        assertThat(withBearer(forged, HttpMethod.GET, "/api/exceptions", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anAdminAddsAUserWhoSignsInAndANameTakenIsAConflict() {
        Map<String, Object> user = Map.of("name", "nora", "password", "a long passphrase", "roles", List.of("finance"));
        assertThat(as("admin").postForEntity("/api/admin/users", user, Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select password_hash from app_user where name = 'nora'", String.class))
                .startsWith("{bcrypt}").doesNotContain("passphrase");
        assertThat(http.withBasicAuth("nora", "a long passphrase").getForEntity("/api/exceptions", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> again = as("admin").postForEntity("/api/admin/users", user, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<Map> weak = as("admin").postForEntity("/api/admin/users", Map.of("name", "x", "password", "short",
                "roles", List.of("boss")), Map.class);
        assertThat(weak.getBody().get("errors").toString()).contains("field=password").contains("field=roles[0]");
    }

    @Test
    void theFirstStartMakesAnAdminWhosePasswordIsPrintedOnceAndStoredOnlyAsAHash() {
        jdbc.update("delete from app_user");
        Accounts accounts = new Accounts(db);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SecuritySettings none = new SecuritySettings(List.of(), null);
        RecoupUsers.from(none, "admin", "", accounts, encoder, new PrintStream(console, true, StandardCharsets.UTF_8));
        Matcher printed = Pattern.compile("\n    (\\S{20,})\n").matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(printed.find()).as(console.toString(StandardCharsets.UTF_8)).isTrue();
        String password = printed.group(1);
        String hash = jdbc.queryForObject("select password_hash from app_user where name = 'admin'", String.class);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(encoder.matches(password, hash)).isTrue();

        ByteArrayOutputStream later = new ByteArrayOutputStream();
        RecoupUsers users = RecoupUsers.from(none, "admin", "", accounts, encoder, new PrintStream(later, true, StandardCharsets.UTF_8));
        assertThat(later.size()).isZero();
        assertThat(encoder.matches(password, users.loadUserByUsername("admin").getPassword())).isTrue();
    }
}
