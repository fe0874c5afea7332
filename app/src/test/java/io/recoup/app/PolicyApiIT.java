package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.routes.plan.PolicyHolder;
import io.recoup.store.TemporaryFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/**
 * Policy upload over real HTTP against the real application and its embedded PostgreSQL: problems by line, column
 * and field; a preview over the stored ledger that stores nothing; activation as the next version, audited, which the
 * planner takes on its next cycle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests"})
@SuppressWarnings({"rawtypes", "unchecked"})
class PolicyApiIT {
    private static final Path HOME = TemporaryFolders.create("recoup-policy-it");

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
    @Autowired
    PolicyHolder holder;

    @BeforeEach
    void sampleLedgerOnItsFirstDay() {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 1, true), null);
    }

    static String bundled(String name) {
        try (InputStream in = PolicyApiIT.class.getResourceAsStream("/recoup/policies/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<Map> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/yaml"));
        return http.withBasicAuth("admin", "s3cret-for-tests").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private ResponseEntity<Map> get(String path) {
        return http.withBasicAuth("admin", "s3cret-for-tests").getForEntity(path, Map.class);
    }

    @Test
    void storesAnInvalidDraftWithEachProblemsLineColumnAndFieldAndNeverActivatesIt() {
        String bad = bundled("default.yaml").replace("channels: [whatsapp]", "channels: [fax]");
        ResponseEntity<Map> created = post("/api/policies/drafts", bad);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("valid")).isEqualTo(false);
        List<Map<String, Object>> problems = (List<Map<String, Object>>) created.getBody().get("problems");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get("field")).isEqualTo("ladders.default.steps[3].channels[0]");
            assertThat(p.get("line")).isEqualTo(24);
            assertThat(p.get("column")).isEqualTo(20);
            assertThat((String) p.get("message")).startsWith("ladders.default.steps[3].channels[0]: ")
                    .endsWith("(line 24, column 20)");
        });
        String draft = created.getHeaders().getLocation().toString();
        assertThat(get(draft).getBody().get("problems")).isEqualTo(problems);
        long versions = jdbc.queryForObject("select count(*) from policy_version", Long.class);
        ResponseEntity<Map> refused = post(draft + "/activate", "");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(draft + "/simulate", "").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("select count(*) from policy_version", Long.class)).isEqualTo(versions);
    }

    @Test
    void previewsAValidDraftBesideTheLivePolicyOverTheStoredLedgerAndStoresNothing() {
        String draft = post("/api/policies/drafts", bundled("strict.yaml")).getHeaders().getLocation().toString();
        String live = (String) get("/api/policies").getBody().get("policyId");
        String rows = "select (select count(*) from action) || '/' || (select count(*) from notice) || '/' || "
                + "(select count(*) from policy_version) || '/' || (select count(*) from event_log)";
        String before = jdbc.queryForObject(rows, String.class);
        ResponseEntity<Map> preview = post(draft + "/simulate?days=30", "");
        assertThat(preview.getStatusCode()).as("%s", preview.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = preview.getBody();
        assertThat(body.get("from")).isEqualTo(DemoOptions.SAMPLE_START.toString());
        assertThat(body.get("to")).isEqualTo(DemoOptions.SAMPLE_START.plusDays(29).toString());
        assertThat((String) ((Map) body.get("live")).get("policy")).startsWith(live + " v");
        assertThat(((Map) body.get("draft")).get("policy")).isEqualTo("strict v2");
        assertThat(((Number) body.get("items")).longValue()).isEqualTo(
                jdbc.queryForObject("select count(*) from open_item where status = 'OPEN'", Long.class));
        assertThat(body.get("bounded")).isEqualTo(false);
        // strict calls on day 1 where the live policy does not: the two columns differ, and both did something
        Map draftOutcome = (Map) body.get("draft");
        Map liveOutcome = (Map) body.get("live");
        assertThat(((Number) draftOutcome.get("actions")).longValue()).isPositive();
        assertThat(((Number) liveOutcome.get("actions")).longValue()).isPositive();
        assertThat((Map) draftOutcome.get("actionsPerDay")).isNotEqualTo(liveOutcome.get("actionsPerDay"));
        List<Map<String, Object>> sample = (List<Map<String, Object>>) body.get("sample");
        assertThat(sample).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        assertThat(sample).allSatisfy(s -> assertThat((String) s.get("customer")).doesNotStartWith("#"));
        // every item says what it would get, or why it would get nothing: as many of those as items left alone
        assertThat(sample).hasSize(((Number) body.get("items")).intValue()).allSatisfy(s -> {
            assertThat((List<String>) s.get("live")).isNotEmpty();
            assertThat((List<String>) s.get("draft")).isNotEmpty();
        });
        assertThat(sample.stream().filter(s -> ((List<String>) s.get("draft")).get(0).startsWith("no action: ")).count())
                .isEqualTo(((Number) draftOutcome.get("itemsWithoutAction")).longValue());
        assertThat(jdbc.queryForObject(rows, String.class)).isEqualTo(before);
    }

    @Test
    void activatesAValidDraftAsTheNextVersionWhichThePlannerTakesOnItsNextCycleAndAuditsTheChange() {
        String draft = post("/api/policies/drafts", bundled("gentle-b2b.yaml")).getHeaders().getLocation().toString();
        Object before = get("/api/policies").getBody().get("version");
        ResponseEntity<Map> activated = post(draft + "/activate", "");
        assertThat(activated.getStatusCode()).as("%s", activated.getBody()).isEqualTo(HttpStatus.OK);
        long version = ((Number) activated.getBody().get("version")).longValue();
        assertThat(holder.get().policy().id()).isEqualTo(activated.getBody().get("policy"));
        Map<String, Object> live = get("/api/policies").getBody();
        assertThat(((Number) live.get("version")).longValue()).isEqualTo(version);
        assertThat(live.get("policyId")).isEqualTo(activated.getBody().get("policy"));
        Map<String, Object> audit = jdbc.queryForMap("select actor, before::text as before, after::text as after from audit_log "
                + "where action = 'policy.activate' order by id desc limit 1");
        assertThat(audit.get("actor")).isEqualTo("admin");
        assertThat((String) audit.get("before")).contains(before == null ? "configured file" : "\"version\": " + before);
        assertThat((String) audit.get("after")).contains("\"version\": " + version);
    }
}
