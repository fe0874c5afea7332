package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.routes.cycle.Stages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin API over real HTTP against the real application: authentication, pauses and their effect on planning. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests"})
class AdminApiIT {
    private static final Path HOME = temp();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    DemoJob demo;
    @Autowired
    Stages stages;
    @Autowired
    SettableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "s3cret-for-tests");
    }

    @BeforeEach
    void sampleLedgerOnItsFirstDay() {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 1, true), null);
    }

    @Test
    void refusesCallsWithoutTheRightCredentialsButLeavesHealthOpen() {
        assertThat(http.getForEntity("/api/dashboard", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "wrong").getForEntity("/api/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDisputeRecordedThroughTheApiPausesTheItemAndIsExplained() {
        ResponseEntity<Map> created = admin().postForEntity("/api/items/csv/1008/disputes", Map.of("reason", "wrong quantity"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        clock.setDay(DemoOptions.SAMPLE_START.plusDays(2)); // 2026-03-04, the due date of INV-2026-1008
        stages.planning().plan();
        assertThat(jdbc.queryForList("select a.step_id from action a join open_item i on i.id = a.item_id "
                + "where i.external_id = '1008' order by a.id", String.class)).containsExactly("pre-due-email");

        Map<?, ?> item = admin().getForObject("/api/items/csv/1008", Map.class);
        assertThat(item.get("pauses").toString()).contains("DISPUTE").contains("wrong quantity").contains("created_by=admin");
        assertThat((List<?>) item.get("notices")).singleElement().asString().contains("pre-due-email").contains("policy default v2");
        assertThat(item.get("events").toString()).contains("dispute opened");

        admin().delete("/api/items/csv/1008/holds");
        stages.planning().plan();
        assertThat(jdbc.queryForList("select a.step_id from action a join open_item i on i.id = a.item_id "
                + "where i.external_id = '1008' order by a.id", String.class)).containsExactly("pre-due-email", "due-email");
    }

    @Test
    void namesTheFieldThatIsWrong() {
        ResponseEntity<Map> response = admin().postForEntity("/api/items/csv/1002/payment-plans",
                Map.of("instalments", List.of(Map.of("due", "2026-04-01", "amount", "100.00"))), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("error")).isEqualTo("instalments add up to EUR 100.00 but EUR 450.00 is open");
        assertThat(admin().postForEntity("/api/items/csv/1002/promises", Map.of("promisedFor", "2026-03-20", "amount", "-5"), Map.class)
                .getBody().get("error")).isEqualTo("amount: EUR -5.00 is not a positive amount");
        assertThat(admin().postForEntity("/api/customers/csv/C200/opt-outs", Map.of("channel", "fax"), Map.class).getBody().get("error"))
                .isEqualTo("channel: 'fax' is not email, sms, whatsapp or letter");
        assertThat(admin().postForEntity("/api/items/csv/nope/disputes", Map.of("reason", "x"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPaymentPlanAndAnOptOutAreStoredForThePlanner() {
        assertThat(admin().postForEntity("/api/items/csv/1002/payment-plans", Map.of("instalments", List.of(
                Map.of("due", "2026-03-20", "amount", "200.00"), Map.of("due", "2026-04-20", "amount", "250.00"))), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(admin().postForEntity("/api/customers/csv/C200/opt-outs", Map.of("channel", "email"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select count(*) from instalment", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("select channel from opt_out", String.class)).containsExactly("EMAIL");
    }

    @Test
    void theDashboardShowsAgingTasksAndExceptions() {
        Map<?, ?> dashboard = admin().getForObject("/api/dashboard", Map.class);
        assertThat(dashboard.get("asOf")).isEqualTo("2026-03-02");
        assertThat(dashboard.get("aging").toString()).contains("bucket=1-30").contains("bucket=not due");
        assertThat(dashboard.get("needsPerson").toString()).contains("call-task");
    }

    @Test
    void theDashboardListsANoticeDispatchParkedUnderNeedsAPersonWithItsReason() {
        // a reminder that cannot be rendered: its RF reference was damaged after it was stored
        jdbc.update("update open_item set creditor_reference = 'RF00 damaged' where external_id = '1008'");
        clock.setDay(DemoOptions.SAMPLE_START.plusDays(2)); // 2026-03-04, the due date of INV-2026-1008
        stages.planning().plan();
        stages.dispatch().dispatch();

        List<?> needsPerson = (List<?>) admin().getForObject("/api/dashboard", Map.class).get("needsPerson");
        assertThat(needsPerson).map(Map.class::cast).filteredOn(n -> "PARKED".equals(n.get("status"))).singleElement()
                .satisfies(n -> {
                    assertThat(n.get("template")).isEqualTo("reminder-due");
                    assertThat(n.get("customer")).isEqualTo("C300");
                    assertThat((String) n.get("outcome")).startsWith("it could not be prepared for sending: ");
                });
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("recoup-api-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
