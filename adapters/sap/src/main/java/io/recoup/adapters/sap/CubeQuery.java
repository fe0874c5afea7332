package io.recoup.adapters.sap;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OData v2 requests the adapter sends to {@code A_OperationalAcctgDocItemCube}. Pages are read by key, not by
 * {@code $skip}: each page is ordered by the entity's key and asks for the rows after the last key of the page
 * before, so an item cleared while a full sync runs cannot shift the offsets and hide a still-open item (which the
 * caller would then close). Every literal is quoted and escaped here, in one place.
 */
final class CubeQuery {
    static final String ENTITY_SET = "A_OperationalAcctgDocItemCube";
    static final List<String> KEY = List.of("CompanyCode", "FiscalYear", "AccountingDocument", "AccountingDocumentItem");
    /** What the adapter reads besides the mapped fields: key, status and change dates. */
    static final List<String> ALWAYS = List.of("CompanyCode", "FiscalYear", "AccountingDocument", "AccountingDocumentItem",
            "DebitCreditCode", "IsCleared", "ClearingDate", "ClearingCreationDate", "ClearingAccountingDocument",
            "LastChangeDate", "AccountingDocumentCreationDate");

    private final URI service;
    private final List<String> companyCodes;
    private final boolean excludeCredits;
    private final String select;

    CubeQuery(URI service, List<String> companyCodes, boolean excludeCredits, SapMapping mapping) {
        this.service = service;
        this.companyCodes = List.copyOf(companyCodes);
        this.excludeCredits = excludeCredits;
        Set<String> fields = new LinkedHashSet<>(ALWAYS);
        fields.addAll(mapping.selected());
        this.select = String.join(",", fields);
    }

    /** Customer items still open: what a full sync reads. */
    String open() {
        return customerItems() + " and IsCleared eq false";
    }

    /** Customer items changed or created on or after {@code since}, open or not. */
    String changed(LocalDate since) {
        return customerItems() + " and (LastChangeDate ge " + datetime(since) + " or AccountingDocumentCreationDate ge "
                + datetime(since) + ")";
    }

    /** Customer items cleared on or after {@code since}, by clearing date or (for back-dated clearings) entry date. */
    String cleared(LocalDate since) {
        return customerItems() + " and IsCleared eq true and (ClearingDate ge " + datetime(since)
                + " or ClearingCreationDate ge " + datetime(since) + ")";
    }

    /** Customer items posted with one of our document numbers as their reference. */
    String posted(Collection<String> documentNumbers, String documentType) {
        String any = documentNumbers.stream().map(n -> "DocumentReferenceID eq " + quote(n))
                .collect(Collectors.joining(" or "));
        return "FinancialAccountType eq 'D' and AccountingDocumentType eq " + quote(documentType) + " and (" + any + ")";
    }

    private String customerItems() {
        String companies = companyCodes.stream().map(c -> "CompanyCode eq " + quote(c)).collect(Collectors.joining(" or "));
        return "(" + companies + ") and FinancialAccountType eq 'D' and SpecialGLCode eq ''"
                + (excludeCredits ? " and DebitCreditCode eq 'S'" : "");
    }

    /** One page of {@code filter}: the first {@code top} rows in key order after {@code after} (none for the first). */
    URI page(String filter, List<String> after, int top) {
        String where = after.isEmpty() ? filter : "(" + filter + ") and " + keyAfter(after, 0);
        return URI.create(service + "/" + ENTITY_SET + "?$filter=" + encode(where) + "&$orderby=" + encode(String.join(",", KEY))
                + "&$top=" + top + "&$select=" + encode(select) + "&$format=json");
    }

    /** Only the given fields of the rows matching {@code filter}, unpaged (used for small look-ups). */
    URI lookup(String filter, String fields, int top) {
        return URI.create(service + "/" + ENTITY_SET + "?$filter=" + encode(filter) + "&$top=" + top + "&$select="
                + encode(fields) + "&$format=json");
    }

    /** One item by its key. */
    URI item(List<String> key, String fields) {
        StringBuilder path = new StringBuilder(ENTITY_SET).append('(');
        for (int i = 0; i < KEY.size(); i++) {
            path.append(i == 0 ? "" : ",").append(KEY.get(i)).append('=').append(quote(key.get(i)));
        }
        return URI.create(service + "/" + encodePath(path.append(')').toString()) + "?$select=" + encode(fields)
                + "&$format=json");
    }

    /** CompanyCode gt 'a' or (CompanyCode eq 'a' and (FiscalYear gt 'b' or (...))): strictly after the key. */
    private static String keyAfter(List<String> key, int i) {
        String field = KEY.get(i);
        String value = quote(key.get(i));
        if (i == KEY.size() - 1) {
            return field + " gt " + value;
        }
        return "(" + field + " gt " + value + " or (" + field + " eq " + value + " and " + keyAfter(key, i + 1) + "))";
    }

    static String datetime(LocalDate day) {
        return "datetime'" + day + "T00:00:00'";
    }

    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String text) {
        return encode(text).replace("%28", "(").replace("%29", ")").replace("%3D", "=").replace("%2C", ",");
    }
}
