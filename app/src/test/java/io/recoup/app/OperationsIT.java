package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.routes.cycle.CycleRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Health per dependency, Prometheus metrics, security headers and CSRF, against the real application. */
class OperationsIT extends SignedInApi {
    @Autowired
    CycleRunner cycle;

    @Test
    void healthNamesEachDependencyToEveryoneAndShowsDetailsOnlyToAnAdmin() {
        ResponseEntity<Map> open = http.getForEntity("/actuator/health", Map.class);
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Map<String, Object>> parts = (Map<String, Map<String, Object>>) open.getBody().get("components");
        assertThat(parts).containsKeys("db", "ledger", "smtp", "payments", "livenessState", "readinessState");
        assertThat(parts.get("smtp")).containsEntry("status", "UP").doesNotContainKey("details");

        Map<String, Map<String, Object>> forAdmin = (Map<String, Map<String, Object>>) as("admin")
                .getForObject("/actuator/health", Map.class).get("components");
        assertThat(forAdmin.get("smtp")).containsEntry("details", Map.of("mode", "local mail sink"));
        assertThat(forAdmin.toString()).doesNotContain(password("admin")).doesNotContainIgnoringCase("password");
        assertThat(http.withBasicAuth("admin", "an-old-password").getForEntity("/actuator/health", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health/readiness", Map.class).getBody()).containsEntry("status", "UP");
        assertThat(http.getForEntity("/actuator/health/liveness", Map.class).getBody()).containsEntry("status", "UP");
    }

    @Test
    void prometheusServesTheCyclesMetricsToAdminsAndMetricsTokensOnly() {
        threeSampleDays();
        cycle.runDay(DemoOptions.SAMPLE_START.plusDays(3));
        ResponseEntity<String> scrape = as("admin").getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody())
                .contains("recoup_notices{channel=\"email\",status=\"sent\"}")
                .contains("recoup_receipts{status=\"unmatched\"} 1.0")
                .contains("recoup_exceptions_open 1.0")
                .contains("recoup_outbox_depth{queue=\"postings\"}")
                .contains("recoup_postback_lag_seconds")
                .contains("recoup_receipts_matched_share")
                .contains("recoup_items{source=\"csv\",status=\"open\"}")
                .contains("recoup_stage_duration_seconds_count{result=\"ok\",stage=\"plan\"}");

        assertThat(as("finance").getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String token = (String) as("admin").postForObject("/api/admin/tokens", Map.of("name", "prometheus", "roles", List.of("metrics")),
                Map.class).get("token");
        HttpHeaders scraper = new HttpHeaders();
        scraper.setBearerAuth(token);
        ResponseEntity<String> scraped = http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(scraper), String.class);
        assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scraped.getBody()).contains("recoup_exceptions_open");
        assertThat(withBearer(token, HttpMethod.GET, "/api/dashboard", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void answersWithSecurityHeaders() {
        HttpHeaders headers = as("viewer").getForEntity("/api/dashboard", String.class).getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        assertThat(http.getForEntity("/login", String.class).getHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'self'").contains("form-action 'self'");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedWhileTheApiStaysStateless() {
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("username", "viewer");
        fields.add("password", password("viewer"));
        ResponseEntity<String> login = http.exchange("/login", HttpMethod.POST, new HttpEntity<>(fields, form), String.class);
        assertThat(login.getStatusCode()).as("no CSRF token with the form").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> api = as("finance").exchange("/api/items/csv/1008/holds", HttpMethod.DELETE, null, String.class);
        assertThat(api.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.NOT_FOUND);
        assertThat(api.getHeaders().get(HttpHeaders.SET_COOKIE)).as("no session for API calls").isNull();
    }
}
