package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.routes.cycle.Stages;
import io.recoup.store.TemporaryFolders;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * The exceptions queue worked through the admin API against the real application: the sample's unknown payment of
 * EUR 75.00 (03-04, from GB29 NWBK 6016 1331 9268 19, "Order 5531") waits with its reason; a person allocates it by hand,
 * it is posted back like any allocation, and the next payment from that account matches by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests"})
class ExceptionsApiIT {
    private static final Path HOME = TemporaryFolders.create("recoup-exceptions-it");
    private static final String UNKNOWN = "DEMO-ASR-20260304-0002";

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
    JdbcTemplate jdbc;

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "s3cret-for-tests");
    }

    @BeforeEach
    void threeSampleDays() {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 3, true), null);
    }

    private long receipt(String bankReference) {
        return jdbc.queryForObject("select id from receipt where provider_id = ?", Long.class, bankReference);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> waiting() {
        return (List<Map<String, Object>>) admin().getForObject("/api/exceptions", Map.class).get("receipts");
    }

    @Test
    void listsWhatWaitsWithItsReasonAndThePayersAccountMasked() {
        assertThat(waiting()).filteredOn(r -> UNKNOWN.equals(r.get("bankReference"))).singleElement().satisfies(r -> {
            assertThat(r.get("unallocated")).isEqualTo("EUR 75.00");
            assertThat(r.get("payerAccount")).isEqualTo("GB**6819");
            assertThat((String) r.get("reason")).isNotBlank();
        });
        assertThat(http.getForEntity("/api/exceptions", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aPersonsAllocationIsPostedBackAndTeachesTheMatcherThePayersAccount() {
        long id = receipt(UNKNOWN);
        ResponseEntity<Map> made = admin().postForEntity("/api/exceptions/" + id + "/allocations", Map.of(
                "allocations", List.of(Map.of("source", "csv", "id", "1004", "amount", new BigDecimal("75.00"))),
                "reason", "the customer called: paid INV-2026-1004 from the owner's account"), Map.class);
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(jdbc.queryForObject("select status from receipt where id = ?", String.class, id)).isEqualTo("MATCHED");
        assertThat(jdbc.queryForObject("select open_amount from open_item where external_id = '1004'", BigDecimal.class))
                .isEqualByComparingTo("245.50");
        assertThat(jdbc.queryForList("select actor, what, why from event_log where entity = 'open_item' and entity_id = 'csv:1004' "
                + "and actor = 'admin'")).singleElement().satisfies(e -> {
            assertThat((String) e.get("what")).isEqualTo("allocated EUR 75.00 of receipt " + id + " by hand");
            assertThat((String) e.get("why")).contains("the customer called");
        });
        assertThat(stages.postBack().postPending()).singleElement()
                .satisfies(p -> assertThat(p.documentNumbers()).hasSize(1));
        assertThat(waiting()).noneMatch(r -> UNKNOWN.equals(r.get("bankReference")));

        // the same account pays the rest of INV-2026-1004 with nothing in the text: matched by payer and amount
        stages.statements().importStatement("later.xml", new ByteArrayInputStream(credit("LATER-1", "245.50")
                .getBytes(StandardCharsets.UTF_8)));
        stages.reconciliation().matchNewReceipts();
        assertThat(jdbc.queryForMap("select status, reason from receipt where provider_id = 'LATER-1'"))
                .containsEntry("status", "MATCHED").satisfies(r -> assertThat((String) r.get("reason")).contains("payer and amount"));
        assertThat(jdbc.queryForObject("select status from open_item where external_id = '1004'", String.class)).isEqualTo("PAID");
    }

    @Test
    void takesAReceiptOutOfTheQueueAsNotOursOrForARefundAndRefusesWhatDoesNotWait() {
        stages.statements().importStatement("two.xml", new ByteArrayInputStream(credit("ODD-1", "12.00").replace(
                "</Ntry>", "</Ntry>" + credit("ODD-2", "13.00").replaceAll("(?s).*(<Ntry>.*</Ntry>).*", "$1"))
                .getBytes(StandardCharsets.UTF_8)));
        stages.reconciliation().matchNewReceipts();

        assertThat(admin().postForEntity("/api/exceptions/" + receipt("ODD-1") + "/not-ours",
                Map.of("reason", "meant for our sister company"), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin().postForEntity("/api/exceptions/" + receipt("ODD-2") + "/refund",
                Map.of("reason", "no invoice of ours"), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForList("select status from receipt where provider_id in ('ODD-1', 'ODD-2') order by provider_id",
                String.class)).containsExactly("NOT_OURS", "REFUND_REQUESTED");

        ResponseEntity<Map> again = admin().postForEntity("/api/exceptions/" + receipt("ODD-1") + "/refund",
                Map.of("reason", "changed my mind"), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getBody().get("errors").toString()).contains("field=receipt").contains("nothing of it waits");

        ResponseEntity<Map> tooMuch = admin().postForEntity("/api/exceptions/" + receipt(UNKNOWN) + "/allocations", Map.of(
                "allocations", List.of(Map.of("source", "csv", "id", "1004", "amount", new BigDecimal("80.00"))), "reason", "x"), Map.class);
        assertThat(tooMuch.getBody().get("errors").toString()).contains("field=allocations").contains("add up to EUR 80.00");
        ResponseEntity<Map> noItem = admin().postForEntity("/api/exceptions/" + receipt(UNKNOWN) + "/allocations", Map.of(
                "allocations", List.of(Map.of("source", "csv", "id", "9999", "amount", new BigDecimal("5.00"))), "reason", "x"), Map.class);
        assertThat(noItem.getBody().get("errors").toString()).contains("field=allocations[0].id");
        assertThat(admin().postForEntity("/api/exceptions/999999/not-ours", Map.of("reason", "x"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A statement with one booked credit from the sample's unknown payer's account, nothing in the text. */
    private static String credit(String reference, String amount) {
        return CamtCredits.credit(reference, amount, "2026-03-05", """
                <RltdPties><Dbtr><Pty><Nm>P. Private</Nm></Pty></Dbtr>
                  <DbtrAcct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></DbtrAcct></RltdPties>""");
    }
}
