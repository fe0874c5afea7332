package io.recoup.adapters.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.recoup.adapters.salesforce.SalesforceOrg.QUERY;
import static io.recoup.adapters.salesforce.SalesforceOrg.allocation;
import static io.recoup.adapters.salesforce.SalesforceOrg.errors;
import static io.recoup.adapters.salesforce.SalesforceOrg.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payments written back one by one to a WireMock org by upsert on our document number; the read-before-write check. */
class SalesforcePosterIT {
    private static final String PAYMENTS = "/services/data/v62.0/sobjects/blng__Payment__c/Recoup_Document_Number__c/";
    private static final String ALLOCATIONS =
            "/services/data/v62.0/sobjects/blng__PaymentAllocationInvoice__c/Recoup_Document_Number__c/";
    private static final Map<String, Object> ONE_BY_ONE = Map.of("post-back", Map.of("mode", "record"));
    private static final String CREATED = "{\"id\":\"a1Pxx0000000001AAA\",\"success\":true,\"errors\":[],\"created\":true}";

    private static final SalesforceOrg ORG = new SalesforceOrg();
    private SalesforceOrg org;
    private LedgerPoster poster;

    @BeforeEach
    void start() {
        org = ORG.resetWithInvoices(50);
        poster = new SalesforceConnector().poster(org.settings(ONE_BY_ONE));
        org.server.stubFor(patch(urlPathMatching(PAYMENTS + ".*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(CREATED)));
        org.server.stubFor(patch(urlPathMatching(ALLOCATIONS + ".*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(CREATED)));
    }

    @AfterAll
    static void stop() {
        ORG.close();
    }

    private static LedgerPosting posting(int n) {
        return new LedgerPosting("RCP-1-" + n, new OpenItemKey("sf-test", SalesforceOrg.id("a0B", n)),
                "INV-0000" + n, Money.of("150.00", "EUR"), LocalDate.of(2026, 11, 23), "SEPA E2E-" + n);
    }

    /** Money taken back from invoice {@code n} after a return. */
    private static LedgerPosting reversal(String number, int n) {
        return new LedgerPosting(number, posting(n).item(), "INV-0000" + n, Money.of("-150.00", "EUR"),
                LocalDate.of(2026, 11, 30), "RTR E2E-" + n);
    }

    @Test
    void upsertsThePaymentOnOurDocumentNumberAndAllocatesItToTheInvoice() {
        String batch = poster.post(List.of(posting(42)));

        assertThat(batch).isEqualTo("sf-test blng__Payment__c RCP-1-42");
        org.server.verify(patchRequestedFor(urlEqualTo(PAYMENTS + "RCP-1-42")).withRequestBody(equalToJson("""
                {"blng__Status__c":"Posted","blng__Amount__c":150.00,"blng__PaymentDate__c":"2026-11-23",
                 "blng__Invoice__c":"a0Bxx0000000042AAA","blng__Account__c":"001xx0000000042AAA","CurrencyIsoCode":"EUR"}""")));
        org.server.verify(patchRequestedFor(urlEqualTo(ALLOCATIONS + "RCP-1-42")).withRequestBody(equalToJson("""
                {"blng__Type__c":"Allocation","blng__Payment__r":{"Recoup_Document_Number__c":"RCP-1-42"},
                 "blng__Invoice__c":"a0Bxx0000000042AAA","blng__Amount__c":150.00}""")));
    }

    @Test
    void aReversalTakesTheAllocationBackFromTheOriginalPaymentWithoutANewPayment() {
        poster.post(List.of(reversal("RCP-1-42-R", 42)));

        org.server.verify(0, patchRequestedFor(urlPathMatching(PAYMENTS + ".*")));
        org.server.verify(patchRequestedFor(urlEqualTo(ALLOCATIONS + "RCP-1-42-R")).withRequestBody(equalToJson("""
                {"blng__Type__c":"Unallocation","blng__Payment__r":{"Recoup_Document_Number__c":"RCP-1-42"},
                 "blng__Invoice__c":"a0Bxx0000000042AAA","blng__Amount__c":150.00}""")));
    }

    @Test
    void aReversalThatDoesNotNameItsPaymentIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> poster.post(List.of(posting(42), reversal("RCP-1-43", 43))))
                .isInstanceOf(RecoupException.class).hasMessageContaining("RCP-1-43 takes money back");
        org.server.verify(0, patchRequestedFor(urlPathMatching("/services/data/.*")));
    }

    @Test
    void aLostResponseLeavesOnePaymentPerDocumentNumberAfterTheRestartedPostBackAsksFirst() {
        // the org is empty until the allocation of RCP-1-42 is written; that write's response never arrives
        String allocationsQuery = "FROM blng__PaymentAllocationInvoice__c WHERE Recoup_Document_Number__c IN";
        org.server.stubFor(org.query(QUERY, allocationsQuery).inScenario("org").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(page(List.of(), 0, null)));
        org.server.stubFor(patch(urlEqualTo(ALLOCATIONS + "RCP-1-42")).inScenario("org")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("written"));
        org.server.stubFor(org.query(QUERY, allocationsQuery).inScenario("org").whenScenarioStateIs("written")
                .willReturn(page(List.of(allocation("RCP-1-41"), allocation("RCP-1-42")), 2, null)));
        Set<String> numbers = Set.of("RCP-1-41", "RCP-1-42");

        assertThat(poster.alreadyPosted(numbers)).isEmpty();
        assertThatThrownBy(() -> poster.post(List.of(posting(41), posting(42))))
                .isInstanceOf(RecoupException.class)
                .satisfies(e -> assertThat(((RecoupException) e).code()).isEqualTo(ErrorCode.LEDGER_POSTING_FAILURE))
                .hasMessageContaining("RCP-1-42");
        LedgerPoster restarted = new SalesforceConnector().poster(org.settings(ONE_BY_ONE));

        assertThat(restarted.alreadyPosted(numbers)).isEqualTo(numbers);
        List<LoggedRequest> writes = org.server.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> r.getUrl().contains("/sobjects/")).toList();
        assertThat(writes).allSatisfy(r -> assertThat(r.getMethod()).isEqualTo(RequestMethod.PATCH));
        Map<String, Long> paymentWrites = writes.stream().filter(r -> r.getUrl().startsWith(PAYMENTS))
                .collect(Collectors.groupingBy(r -> r.getUrl().substring(PAYMENTS.length()), Collectors.counting()));
        assertThat(paymentWrites).isEqualTo(Map.of("RCP-1-41", 1L, "RCP-1-42", 1L));
        // the lost write was retried as the same upsert, which names the same record
        assertThat(writes.stream().filter(r -> r.getUrl().startsWith(ALLOCATIONS)).map(LoggedRequest::getUrl).distinct())
                .containsExactlyInAnyOrder(ALLOCATIONS + "RCP-1-41", ALLOCATIONS + "RCP-1-42");
    }

    @Test
    void aWriteRetriedAfterADroppedConnectionUpdatesTheRecordItCreated() {
        org.server.stubFor(patch(urlEqualTo(PAYMENTS + "RCP-1-42")).inScenario("once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
        org.server.stubFor(patch(urlEqualTo(PAYMENTS + "RCP-1-42")).inScenario("once").whenScenarioStateIs("created")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"a1Pxx0000000001AAA\",\"success\":true,\"errors\":[],\"created\":false}")));

        poster.post(List.of(posting(42)));

        List<LoggedRequest> writes = org.server.findAll(patchRequestedFor(urlPathMatching(PAYMENTS + ".*")));
        assertThat(writes).hasSize(2).extracting(LoggedRequest::getUrl).containsOnly(PAYMENTS + "RCP-1-42");
        org.server.verify(1, patchRequestedFor(urlEqualTo(ALLOCATIONS + "RCP-1-42")));
    }

    @Test
    void aValidationErrorIsReportedWithItsCodeAndNotRetried() {
        org.server.stubFor(patch(urlEqualTo(PAYMENTS + "RCP-1-42")).willReturn(errors(400,
                "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Payment date must not be in a closed period")));

        assertThatThrownBy(() -> poster.post(List.of(posting(42))))
                .isInstanceOf(RecoupException.class)
                .hasMessageContaining("FIELD_CUSTOM_VALIDATION_EXCEPTION").hasMessageContaining("closed period");
        org.server.verify(1, patchRequestedFor(urlEqualTo(PAYMENTS + "RCP-1-42")));
        org.server.verify(0, patchRequestedFor(urlPathMatching(ALLOCATIONS + ".*")));
    }

    @Test
    void writesNothingWhenAnInvoiceIsNotInTheOrg() {
        LedgerPosting unknown = new LedgerPosting("RCP-1-99", new OpenItemKey("sf-test", "a0Bxx0000000099AAA"),
                "INV-99", Money.of("10.00", "EUR"), LocalDate.of(2026, 11, 23), "ref");

        assertThatThrownBy(() -> poster.post(List.of(posting(42), unknown)))
                .isInstanceOf(RecoupException.class).hasMessageContaining("a0Bxx0000000099AAA");
        org.server.verify(0, patchRequestedFor(urlPathMatching("/services/data/.*")));
    }

    @Test
    void asksForPostedNumbersInChunksOfAHundred() {
        org.server.stubFor(org.query(QUERY, "FROM blng__PaymentAllocationInvoice__c")
                .willReturn(page(List.of(allocation("RCP-1-7"), allocation("RCP-9-9")), 2, null)));
        Set<String> numbers = IntStream.rangeClosed(1, 250).mapToObj(n -> "RCP-1-" + n).collect(Collectors.toSet());

        Set<String> posted = poster.alreadyPosted(numbers);

        assertThat(posted).containsExactly("RCP-1-7");
        List<LoggedRequest> queries = org.server.findAll(getRequestedFor(urlPathEqualTo(QUERY)));
        assertThat(queries).hasSize(3).allSatisfy(q -> assertThat(q.queryParameter("q").firstValue())
                .startsWith("SELECT Recoup_Document_Number__c FROM blng__PaymentAllocationInvoice__c "
                        + "WHERE Recoup_Document_Number__c IN ('RCP-1-"));
        assertThat(queries.stream().mapToLong(q -> q.queryParameter("q").firstValue().chars().filter(c -> c == ',').count() + 1))
                .containsExactlyInAnyOrder(100L, 100L, 50L);
    }

}
