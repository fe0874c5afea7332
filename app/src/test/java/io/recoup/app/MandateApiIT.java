package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.store.TemporaryFolders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With direct debit switched on, a signed mandate registered through the API is stored ACTIVE and checked first. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"recoup.watch-folders=false",
        "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests", "recoup.sepa.creditor-identifier=DE98ZZZ09999999999"})
class MandateApiIT {
    private static final Path HOME = TemporaryFolders.create("recoup-mandate-it");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    DemoJob demo;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registersASignedMandateAndRefusesABadIbanOrAFutureSignatureByField() {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 1, true), null);
        TestRestTemplate admin = http.withBasicAuth("admin", "s3cret-for-tests");
        ResponseEntity<Map> created = admin.postForEntity("/api/customers/csv/C100/mandates", Map.of("reference", "NORDWIND-2026-01",
                "debtorName", "Nordwind Logistik GmbH", "iban", "DE12 5001 0517 0648 4898 90", "signedOn", "2026-02-15"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("state")).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForMap("select creditor_id, reference, state, debtor_iban from mandate"))
                .containsEntry("creditor_id", "DE98ZZZ09999999999").containsEntry("reference", "NORDWIND-2026-01")
                .containsEntry("state", "ACTIVE").containsEntry("debtor_iban", "DE12500105170648489890");

        ResponseEntity<Map> refused = admin.postForEntity("/api/customers/csv/C100/mandates", Map.of("reference", "NORDWIND-2026-02",
                "debtorName", "Nordwind Logistik GmbH", "iban", "DE13500105170648489890", "signedOn", "2026-02-15"), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<Map<String, String>>) refused.getBody().get("errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "iban").extractingByKey("reason").asString()
                        .contains("DE13500105170648489890"));

        ResponseEntity<Map> future = admin.postForEntity("/api/customers/csv/C100/mandates", Map.of("reference", "NORDWIND-2026-03",
                "debtorName", "Nordwind Logistik GmbH", "iban", "DE12 5001 0517 0648 4898 90", "signedOn", "2026-04-01", "scheme", "BIG"),
                Map.class);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) future.getBody().get("errors")).extracting(e -> e.get("field") + ": " + e.get("reason"))
                .containsExactly("signedOn: 2026-04-01 is in the future (today is 2026-03-02)", "scheme: 'BIG' is not one of [CORE, B2B]");
    }
}
