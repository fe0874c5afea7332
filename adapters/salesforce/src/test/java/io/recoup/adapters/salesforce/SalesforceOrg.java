package io.recoup.adapters.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.recoup.core.port.SourceSettings;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Salesforce org played by an in-process WireMock: the OAuth2 token endpoint, query pages shaped as the REST API's
 * ({@code totalSize, done, nextRecordsUrl, records[{attributes:{type,url}, ...}]}), Billing invoices with their
 * account and bill-to contact as relationship objects, and error bodies as Salesforce writes them.
 */
final class SalesforceOrg implements AutoCloseable {
    static final String VERSION = "v62.0";
    static final String QUERY = "/services/data/" + VERSION + "/query";
    static final String QUERY_ALL = "/services/data/" + VERSION + "/queryAll";

    final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    SalesforceOrg() {
        server.start();
    }

    /** Forgets every stub, scenario and request of the test before, so one server serves a whole test class. */
    SalesforceOrg reset() {
        server.resetAll();
        return this;
    }

    String url() {
        return server.baseUrl();
    }

    /** Forgets the test before, issues {@code token-1} and knows invoices 1 to {@code invoices} with their accounts. */
    SalesforceOrg resetWithInvoices(int invoices) {
        reset().tokenIs("token-1");
        server.stubFor(query(QUERY, "FROM blng__Invoice__c WHERE Id IN").willReturn(page(
                java.util.stream.IntStream.rangeClosed(1, invoices).mapToObj(SalesforceOrg::invoiceAccount).toList(),
                invoices, null)));
        return this;
    }

    /** Settings of source {@code sf-test} with short retry waits, so tests stay fast. */
    SourceSettings settings(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "login-url", url(),
                "oauth", Map.of("client-id", "recoup-app", "client-secret", "s3cret-never-logged"),
                "api-version", VERSION,
                "batch-size", "200",
                "timeout", "5s",
                "default-time-zone", "Europe/Berlin",
                "retry", Map.of("max-attempts", "3", "initial-wait", "5ms", "max-wait", "40ms")));
        settings.putAll(overrides);
        return new SourceSettings("sf-test", settings);
    }

    void tokenIs(String token) {
        server.stubFor(post(urlEqualTo("/services/oauth2/token")).withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson(token(token))));
    }

    String token(String token) {
        return "{\"access_token\":\"" + token + "\",\"instance_url\":\"" + url() + "\",\"id\":\"" + url()
                + "/id/00Dxx0000001gPL/005xx000001Sv6A\",\"token_type\":\"Bearer\",\"issued_at\":\"1732270000000\","
                + "\"signature\":\"c2lnbmF0dXJl\"}";
    }

    /** A query whose SOQL contains {@code soqlPart}, answered with the first page. */
    MappingBuilder query(String path, String soqlPart) {
        return get(urlPathEqualTo(path)).withQueryParam("q", containing(soqlPart));
    }

    static MappingBuilder nextPage(String locator) {
        return get(urlEqualTo(QUERY + "/" + locator));
    }

    static ResponseDefinitionBuilder page(List<ObjectNode> records, int totalSize, String nextLocator) {
        ObjectNode page = SalesforceClient.JSON.createObjectNode();
        page.put("totalSize", totalSize);
        page.put("done", nextLocator == null);
        if (nextLocator != null) {
            page.put("nextRecordsUrl", QUERY + "/" + nextLocator);
        }
        ArrayNode array = page.putArray("records");
        records.forEach(array::add);
        return okJson(page.toString());
    }

    static ResponseDefinitionBuilder errors(int status, String errorCode, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"" + message + "\",\"errorCode\":\"" + errorCode + "\"}]");
    }

    /** A posted Billing invoice of account {@code 001...<n>} with its bill-to contact. */
    static ObjectNode invoice(int n, String balance, String status, String modstamp) {
        String id = id("a0B", n);
        ObjectNode record = SalesforceClient.JSON.createObjectNode();
        record.putObject("attributes").put("type", "blng__Invoice__c")
                .put("url", "/services/data/" + VERSION + "/sobjects/blng__Invoice__c/" + id);
        record.put("Id", id);
        record.put("Name", "INV-" + String.format("%06d", n));
        record.put("blng__Account__c", id("001", n % 50));
        record.putObject("blng__Account__r").put("Name", "Customer " + n % 50)
                .putObject("attributes").put("type", "Account");
        ObjectNode contact = record.putObject("blng__BillToContact__r");
        contact.putObject("attributes").put("type", "Contact");
        contact.put("Email", "ap" + n % 50 + "@customer.example");
        contact.put("Phone", "+49 30 1234" + n % 50);
        record.put("blng__InvoiceDate__c", "2026-10-01");
        record.put("blng__DueDate__c", "2026-10-31");
        record.put("blng__Balance__c", new BigDecimal(balance));
        record.put("blng__TotalAmount__c", new BigDecimal("1190.00"));
        record.put("CurrencyIsoCode", "EUR");
        record.put("blng__InvoiceStatus__c", status);
        record.put("SystemModstamp", modstamp);
        return record;
    }

    /** An invoice as the poster's account lookup reads it: its id and its account's. */
    static ObjectNode invoiceAccount(int n) {
        ObjectNode record = SalesforceClient.JSON.createObjectNode();
        record.putObject("attributes").put("type", "blng__Invoice__c");
        return record.put("Id", id("a0B", n)).put("blng__Account__c", id("001", n));
    }

    /** A Billing payment allocation as the read-before-write check reads it: only our document number. */
    static ObjectNode allocation(String number) {
        ObjectNode record = SalesforceClient.JSON.createObjectNode();
        record.putObject("attributes").put("type", "blng__PaymentAllocationInvoice__c");
        return record.put("Recoup_Document_Number__c", number);
    }

    static String id(String prefix, int n) {
        return prefix + "xx" + String.format("%010d", n) + "AAA";
    }

    @Override
    public void close() {
        server.stop();
    }
}
