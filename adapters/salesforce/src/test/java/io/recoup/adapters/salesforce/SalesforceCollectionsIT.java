package io.recoup.adapters.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.recoup.adapters.salesforce.SalesforceOrg.QUERY;
import static io.recoup.adapters.salesforce.SalesforceOrg.allocation;
import static io.recoup.adapters.salesforce.SalesforceOrg.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payments written back 200 to a call (sObject Collections upsert on our document number), all or none per call. */
class SalesforceCollectionsIT {
    private static final String PAYMENTS = "/services/data/v62.0/composite/sobjects/blng__Payment__c/Recoup_Document_Number__c";
    private static final String ALLOCATIONS =
            "/services/data/v62.0/composite/sobjects/blng__PaymentAllocationInvoice__c/Recoup_Document_Number__c";
    private static final SalesforceOrg ORG = new SalesforceOrg();

    private SalesforceOrg org;
    private LedgerPoster poster;

    @BeforeEach
    void start() {
        org = ORG.resetWithInvoices(250);
        poster = new SalesforceConnector().poster(org.settings(Map.of()));
    }

    @AfterAll
    static void stop() {
        ORG.close();
    }

    private static List<LedgerPosting> postings(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> new LedgerPosting("RCP-1-" + n,
                new OpenItemKey("sf-test", SalesforceOrg.id("a0B", n)), "INV-" + n, Money.of("10.00", "EUR"),
                LocalDate.of(2026, 11, 23), "E2E-" + n)).toList();
    }

    /** Every record of the call succeeded, each created. */
    private static String allCreated(int count) {
        ArrayNode results = SalesforceClient.JSON.createArrayNode();
        IntStream.range(0, count).forEach(i -> results.addObject().put("id", SalesforceOrg.id("a1P", i))
                .put("success", true).put("created", true).putArray("errors"));
        return results.toString();
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return SalesforceClient.JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> numbersWritten(String path) {
        List<String> numbers = new ArrayList<>();
        org.server.findAll(patchRequestedFor(urlEqualTo(path))).forEach(r -> body(r).path("records")
                .forEach(record -> numbers.add(record.path("Recoup_Document_Number__c").asText())));
        return numbers;
    }

    @Test
    void writes250PaymentsAndTheirAllocationsInTwoCallsEachAllOrNone() {
        for (String path : List.of(PAYMENTS, ALLOCATIONS)) {
            org.server.stubFor(patch(urlEqualTo(path)).willReturn(okJson(allCreated(200))));
            org.server.stubFor(patch(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.records.length()", equalTo("50")))
                    .willReturn(okJson(allCreated(50))));
        }

        String batch = poster.post(postings(250));

        assertThat(batch).isEqualTo("sf-test blng__Payment__c RCP-1-1..RCP-1-250");
        List<LoggedRequest> payments = org.server.findAll(patchRequestedFor(urlEqualTo(PAYMENTS)));
        assertThat(payments).extracting(r -> body(r).path("records").size()).containsExactlyInAnyOrder(200, 50);
        assertThat(payments).allSatisfy(r -> assertThat(body(r).path("allOrNone").asBoolean()).isTrue());
        JsonNode first = body(payments.stream().filter(r -> body(r).path("records").size() == 200).findFirst().orElseThrow())
                .path("records").get(0);
        assertThat(first.path("attributes").path("type").asText()).isEqualTo("blng__Payment__c");
        assertThat(first.path("Recoup_Document_Number__c").asText()).isEqualTo("RCP-1-1");
        assertThat(first.path("blng__Account__c").asText()).isEqualTo("001xx0000000001AAA");
        assertThat(numbersWritten(PAYMENTS)).hasSize(250).doesNotHaveDuplicates();
        JsonNode allocation = body(org.server.findAll(patchRequestedFor(urlEqualTo(ALLOCATIONS))).get(0)).path("records").get(0);
        assertThat(allocation.path("blng__Payment__r").path("Recoup_Document_Number__c").asText())
                .isEqualTo(allocation.path("Recoup_Document_Number__c").asText());
        assertThat(numbersWritten(ALLOCATIONS)).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void aReversalInABatchWritesOnlyItsAllocation() {
        org.server.stubFor(patch(urlEqualTo(PAYMENTS)).willReturn(okJson(allCreated(2))));
        org.server.stubFor(patch(urlEqualTo(ALLOCATIONS)).willReturn(okJson(allCreated(3))));
        List<LedgerPosting> batch = new ArrayList<>(postings(2));
        batch.add(new LedgerPosting("RCP-1-1-R", batch.get(0).item(), "INV-1", Money.of("-10.00", "EUR"),
                LocalDate.of(2026, 11, 30), "RTR"));

        poster.post(batch);

        assertThat(numbersWritten(PAYMENTS)).containsExactly("RCP-1-1", "RCP-1-2");
        assertThat(numbersWritten(ALLOCATIONS)).containsExactly("RCP-1-1", "RCP-1-2", "RCP-1-1-R");
        JsonNode reversal = body(org.server.findAll(patchRequestedFor(urlEqualTo(ALLOCATIONS))).get(0)).path("records").get(2);
        assertThat(reversal.path("blng__Type__c").asText()).isEqualTo("Unallocation");
        assertThat(reversal.path("blng__Payment__r").path("Recoup_Document_Number__c").asText()).isEqualTo("RCP-1-1");
        assertThat(reversal.path("blng__Amount__c").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void aRefusedRecordRollsTheCallBackAndIsNamedWithItsError() {
        ArrayNode results = SalesforceClient.JSON.createArrayNode();
        results.addObject().put("success", false).putArray("errors").addObject()
                .put("statusCode", "ALL_OR_NONE_OPERATION_ROLLED_BACK").put("message", "Record rolled back");
        ObjectNode error = results.addObject().put("success", false).putArray("errors").addObject()
                .put("statusCode", "FIELD_CUSTOM_VALIDATION_EXCEPTION").put("message", "Amount exceeds the balance");
        error.putArray("fields").add("blng__Amount__c");
        org.server.stubFor(patch(urlEqualTo(PAYMENTS)).willReturn(okJson(results.toString())));

        assertThatThrownBy(() -> poster.post(postings(2)))
                .isInstanceOf(RecoupException.class)
                .hasMessageContaining("none of 2 from RCP-1-1 written")
                .hasMessageContaining("RCP-1-2 FIELD_CUSTOM_VALIDATION_EXCEPTION: Amount exceeds the balance")
                .hasMessageNotContaining("RCP-1-1 ALL_OR_NONE");
        org.server.verify(0, patchRequestedFor(urlEqualTo(ALLOCATIONS)));
    }

    @Test
    void aLostResponseLeavesOnePaymentPerDocumentNumberAfterTheRestartedPostBackAsksFirst() {
        String allocationsQuery = "FROM blng__PaymentAllocationInvoice__c WHERE Recoup_Document_Number__c IN";
        org.server.stubFor(patch(urlEqualTo(PAYMENTS)).willReturn(okJson(allCreated(3))));
        org.server.stubFor(org.query(QUERY, allocationsQuery).inScenario("org").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(page(List.of(), 0, null)));
        org.server.stubFor(patch(urlEqualTo(ALLOCATIONS)).inScenario("org")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("written"));
        org.server.stubFor(org.query(QUERY, allocationsQuery).inScenario("org").whenScenarioStateIs("written")
                .willReturn(page(IntStream.rangeClosed(1, 3).mapToObj(n -> allocation("RCP-1-" + n)).toList(), 3, null)));
        Set<String> numbers = postings(3).stream().map(LedgerPosting::documentNumber).collect(Collectors.toSet());

        assertThat(poster.alreadyPosted(numbers)).isEmpty();
        assertThatThrownBy(() -> poster.post(postings(3))).isInstanceOf(RecoupException.class);
        LedgerPoster restarted = new SalesforceConnector().poster(org.settings(Map.of()));

        assertThat(restarted.alreadyPosted(numbers)).isEqualTo(numbers);
        assertThat(numbersWritten(PAYMENTS)).containsExactlyInAnyOrder("RCP-1-1", "RCP-1-2", "RCP-1-3");
        // the lost call was repeated as the same upsert by our numbers: three attempts, three records
        assertThat(numbersWritten(ALLOCATIONS)).hasSize(9).containsOnly("RCP-1-1", "RCP-1-2", "RCP-1-3");
    }
}
