package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.routes.cycle.Stages;
import io.recoup.store.TemporaryFolders;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin API over real HTTP against the real application: authentication, pauses and their effect on planning. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests"})
class AdminApiIT {
    private static final Path HOME = TemporaryFolders.create("recoup-api-it");

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

    /** Posts the text as it is, for JSON a map cannot express (malformed, 1e400). */
    private ResponseEntity<Map> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin().exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
    }

    /** The refusal's {@code errors} as "field: reason", after checking it is an RFC 9457 problem. */
    private static List<String> errors(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is4xxClientError()).as("refused: %s", response.getBody()).isTrue();
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream()
                .map(e -> e.get("field") + ": " + e.get("reason")).toList();
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
    void answersTheHealthCheckWhateverCredentialsComeWithIt() {
        assertThat(http.withBasicAuth("admin", "an-old-password").getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(admin().getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
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
        assertThat((List<?>) item.get("notices")).singleElement().asString().contains("pre-due-email").contains("policy default v4");
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
        assertThat(errors(response)).containsExactly("instalments: instalments add up to EUR 100.00 but EUR 450.00 is open");
        assertThat(errors(admin().postForEntity("/api/items/csv/1002/promises", Map.of("promisedFor", "2026-03-20", "amount", "-5"),
                Map.class))).containsExactly("amount: -5 is not a positive amount");
        assertThat(errors(admin().postForEntity("/api/customers/csv/C200/opt-outs", Map.of("channel", "fax"), Map.class)))
                .containsExactly("channel: 'fax' is not email, sms, whatsapp or letter");
        ResponseEntity<Map> missing = admin().postForEntity("/api/items/csv/nope/disputes", Map.of("reason", "x"), Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missing.getBody().get("detail")).isEqualTo("no item csv:nope");
    }

    @Test
    void refusesMalformedJsonWrongTypesAndImpossibleDatesNamingTheField() {
        assertThat(errors(post("/api/items/csv/1002/promises", "{\"promisedFor\": \"2026-02-30\", \"amount\": 10}")))
                .containsExactly("promisedFor: '2026-02-30' is not a date (YYYY-MM-DD)");
        assertThat(errors(post("/api/items/csv/1002/promises", "{\"promisedFor\": \"2026-03-20\", \"amount\": \"ten\"}")))
                .containsExactly("amount: 'ten' is not a number");
        assertThat(errors(post("/api/items/csv/1002/payment-plans", "{\"instalments\": \"soon\"}")))
                .containsExactly("instalments: has the wrong type: expected a list");
        assertThat(errors(post("/api/items/csv/1002/disputes", "{\"reason\": \"wrong quantity\",")))
                .singleElement().asString().startsWith("body: is not valid JSON at line 1, column ");
        assertThat(errors(post("/api/items/csv/1002/disputes", ""))).containsExactly("body: is required");
    }

    @Test
    void refusesAmountsBeyondAnyInvoiceAndPromisesOfMoreThanIsOpen() {
        ResponseEntity<Map> huge = post("/api/items/csv/1002/promises", "{\"promisedFor\": \"2026-03-20\", \"amount\": 1e400}");
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(huge)).containsExactly("amount: is larger than 999999999.99, the most an amount may be");
        assertThat(errors(post("/api/items/csv/1002/promises", "{\"promisedFor\": \"2026-03-20\", \"amount\": 1e1000000000}")))
                .containsExactly("amount: is larger than 999999999.99, the most an amount may be");
        assertThat(errors(admin().postForEntity("/api/items/csv/1002/promises", Map.of("promisedFor", "2026-03-20", "amount", "450.01"),
                Map.class))).containsExactly("amount: EUR 450.01 is more than the EUR 450.00 open on INV-2026-1002");
        assertThat(errors(admin().postForEntity("/api/items/csv/1002/promises", Map.of("promisedFor", "2026-03-20", "amount", "0.001"),
                Map.class))).containsExactly("amount: 0.001 has more decimals than EUR allows (2)");
        assertThat(jdbc.queryForObject("select count(*) from promise_to_pay", Integer.class)).isZero();
    }

    @Test
    void refusesDatesThatWouldPauseForGoodOrHaveAlreadyPassed() {
        assertThat(errors(admin().postForEntity("/api/items/csv/1002/promises", Map.of("promisedFor", "+999999999-12-31", "amount", "100"),
                Map.class))).containsExactly("promisedFor: +999999999-12-31 is more than a year ahead; the latest allowed is 2027-03-02");
        assertThat(errors(admin().postForEntity("/api/items/csv/1002/disputes", Map.of("reason", "wrong quantity", "until", "2026-03-01"),
                Map.class))).containsExactly("until: 2026-03-01 has passed (today is 2026-03-02)");
        assertThat(errors(admin().postForEntity("/api/items/csv/1002/payment-plans", Map.of("instalments", List.of(
                Map.of("due", "2026-01-15", "amount", "200.00"), Map.of("due", "2026-02-15", "amount", "250.00"))), Map.class)))
                .containsExactly("instalments[0].due: 2026-01-15 has passed (today is 2026-03-02)",
                        "instalments[1].due: 2026-02-15 has passed (today is 2026-03-02)");
        assertThat(jdbc.queryForObject("select count(*) from hold", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from payment_plan", Integer.class)).isZero();
    }

    @Test
    void refusesAnOverrideForAStepThePolicyInForceDoesNotHave() {
        assertThat(errors(admin().postForEntity("/api/items/csv/1002/overrides", Map.of("kind", "SKIP_STEP", "step", "final-demand"),
                Map.class))).singleElement().asString()
                .startsWith("step: 'final-demand' is not a step of policy default v4; its steps are pre-due-email, due-email,");
        assertThat(admin().postForEntity("/api/items/csv/1002/overrides", Map.of("kind", "SKIP_STEP", "step", "overdue-call"), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForList("select step_key from manual_override", String.class)).containsExactly("overdue-call");
    }

    @Test
    void refusesALongReasonAndABodyOverTheLimitWithoutReadingItAll() throws Exception {
        assertThat(errors(admin().postForEntity("/api/items/csv/1002/disputes", Map.of("reason", "x".repeat(2_001)), Map.class)))
                .containsExactly("reason: has 2001 characters; at most 2000 are allowed");
        String large = "{\"reason\": \"" + "x".repeat(100_000) + "\"}";
        ResponseEntity<Map> declared = post("/api/items/csv/1002/disputes", large);
        assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(errors(declared)).containsExactly("body: is larger than 65536 bytes");

        // sent in chunks, with no length declared: refused while it is read
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.getRootUri()
                        + "/api/items/csv/1002/disputes")).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:s3cret-for-tests".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(chunked.body()).contains("\"field\":\"body\"").contains("is larger than 65536 bytes");
        assertThat(jdbc.queryForObject("select count(*) from hold", Integer.class)).isZero();
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
        assertThat(dashboard.get("needsPerson").toString()).contains("kind=task");
    }

    @Test
    void theDashboardListsTheExceptionsQueueOnePageAtATimeLargestFirstAndNamesAWrongPageSize() {
        jdbc.update("""
                insert into receipt (provider, provider_id, currency, amount, unallocated, booked_on, origin, status, reason, created_at)
                select 'camt', 'DASH-' || g, 'EUR', g * 10, g * 10, date '2026-03-02', 'test.xml', 'UNMATCHED', 'no reference', now()
                from generate_series(1, 3) g""");
        long waiting = jdbc.queryForObject("select count(*) from receipt where status in ('UNMATCHED', 'PARTLY_ALLOCATED') "
                + "and unallocated > 0", Long.class);

        Map<?, ?> first = admin().getForObject("/api/dashboard?size=2", Map.class);
        assertThat((List<Map<String, Object>>) first.get("exceptions")).extracting(r -> r.get("provider_id"))
                .containsExactly("DASH-3", "DASH-2");
        assertThat(first.get("exceptionsHasMore")).isEqualTo(true);
        assertThat(first.get("summedAt")).isNotNull();
        assertThat((List<?>) first.get("needsPerson")).hasSizeLessThanOrEqualTo(2);
        List<?> all = (List<?>) admin().getForObject("/api/dashboard?size=200", Map.class).get("exceptions");
        assertThat(all).hasSize((int) waiting);
        assertThat(errors(admin().getForEntity("/api/dashboard?size=100000", Map.class)))
                .containsExactly("size: 100000 is not from 1 to 200");
    }

    @Test
    void theDsoTrendGivesTheLastTwelveMonthEndsOfEachCurrencyRebuiltFromTheStoredLedger() {
        List<Map<String, Object>> trend = admin().getForObject("/api/dashboard/dso-trend", List.class);
        long currencies = jdbc.queryForObject("select count(distinct currency) from open_item", Long.class);
        assertThat(trend).hasSize((int) (12 * currencies));
        assertThat(trend).extracting(m -> m.get("monthEnd")).first().isEqualTo("2025-03-31");
        assertThat(trend).extracting(m -> m.get("monthEnd")).last().isEqualTo("2026-02-28");
        // nothing was paid before the sample's first day: what was open at February's end is what had been issued by then
        Map<String, Object> february = trend.stream().filter(m -> "2026-02-28".equals(m.get("monthEnd")) && "EUR".equals(m.get("currency")))
                .findFirst().orElseThrow();
        assertThat(new BigDecimal(february.get("open").toString())).isEqualByComparingTo(jdbc.queryForObject(
                "select sum(original_amount) from open_item where currency = 'EUR' and issue_date <= '2026-02-28'", BigDecimal.class));
    }

    @Test
    void theDashboardListsANoticeDispatchParkedUnderNeedsAPersonWithItsReason() {
        // a reminder that cannot be rendered: its RF reference was damaged after it was stored
        jdbc.update("update open_item set creditor_reference = 'RF00 damaged' where external_id = '1008'");
        clock.setDay(DemoOptions.SAMPLE_START.plusDays(2)); // 2026-03-04, the due date of INV-2026-1008
        stages.planning().plan();
        stages.dispatch().dispatch();

        List<?> needsPerson = (List<?>) admin().getForObject("/api/dashboard", Map.class).get("needsPerson");
        assertThat(needsPerson).map(Map.class::cast).filteredOn(n -> "parked notice".equals(n.get("kind"))).singleElement()
                .satisfies(n -> {
                    assertThat(n.get("customer")).isEqualTo("C300");
                    assertThat((String) n.get("reason")).startsWith("it could not be prepared for sending: ");
                });
    }
}
