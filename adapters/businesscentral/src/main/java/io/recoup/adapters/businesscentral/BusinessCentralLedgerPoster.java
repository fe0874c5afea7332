package io.recoup.adapters.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes each payment as a line of the configured customer payment journal ({@code customerPayments}), applied to its
 * invoice ({@code appliesToInvoiceId}) and carrying our document number, so the line can be found again: before a
 * retry of a write whose answer was lost, and by {@link #alreadyPosted}, which looks in the journal and, for lines a
 * finance team has posted since, in the general ledger entries. Business Central's API cannot post that journal; the
 * finance team posts it in Business Central (see the README).
 *
 * <p>The amount is sent positive for a payment and negative for a reversal, as in Microsoft's API v2.0 example;
 * {@code payment-amount-sign: negative} flips both for a tenant whose API page takes the journal's own sign.
 */
public final class BusinessCentralLedgerPoster implements LedgerPoster {
    static final int MAX_DOCUMENT_NUMBER = 20;
    static final int MAX_EXTERNAL_DOCUMENT_NUMBER = 35;
    private static final int FILTER_CHUNK = 15;

    private final BcSettings settings;
    private final BcClient client;
    private final Companies companies;
    private final PaymentJournals journals;

    BusinessCentralLedgerPoster(BcSettings settings, BcClient client, Companies companies) {
        this.settings = settings;
        this.client = client;
        this.companies = companies;
        this.journals = new PaymentJournals(settings, client);
    }

    @Override
    public Set<String> alreadyPosted(Set<String> documentNumbers) {
        Set<String> found = new HashSet<>();
        List<String> wanted = new ArrayList<>(documentNumbers);
        try {
            for (String company : companies.ids()) {
                String lines = "companies(" + company + ")/customerPaymentJournals(" + journals.idOf(company)
                        + ")/customerPayments";
                String ledger = "companies(" + company + ")/generalLedgerEntries";
                for (int from = 0; from < wanted.size(); from += FILTER_CHUNK) {
                    List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + FILTER_CHUNK));
                    found.addAll(documentNumbersIn(lines, chunk));
                    found.addAll(documentNumbersIn(ledger, chunk));
                }
            }
        } catch (BcFault e) {
            throw failure("cannot check which payments Business Central already holds: " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public String post(List<LedgerPosting> postings) {
        List<PaymentLine> lines = postings.stream().map(p -> PaymentLine.of(p, settings)).toList();
        for (PaymentLine line : lines) {
            if (!companies.isConfigured(line.company())) {
                throw failure("posting " + line.documentNumber() + " is for company " + line.company()
                        + ", which source " + settings.source() + " does not read", null);
            }
        }
        List<String> written = new ArrayList<>();
        for (PaymentLine line : lines) {
            try {
                write(line);
            } catch (BcFault e) {
                throw failure("payment " + line.documentNumber() + " could not be written (written before it: "
                        + written + "): " + e.getMessage(), e);
            }
            written.add(line.documentNumber());
        }
        return "journal " + settings.journalCode() + ": " + String.join(", ", written);
    }

    /** Writes one line; a retry after an unclear failure first looks whether the line arrived after all. */
    private void write(PaymentLine line) {
        JsonNode invoice = client.get(client.resolve("companies(" + line.company() + ")/salesInvoices("
                + line.invoiceId() + ")?$select=id,number,customerId,currencyCode"), 0);
        line.checkCurrency(invoice.path("currencyCode").asText(""), settings.localCurrency());
        ObjectNode body = line.body(client.json(), invoice.path("customerId").asText(), settings.negativePayments());
        String path = "companies(" + line.company() + ")/customerPaymentJournals(" + journals.idOf(line.company())
                + ")/customerPayments";
        AtomicBoolean tried = new AtomicBoolean();
        client.retrying(() -> {
            if (tried.getAndSet(true) && !documentNumbersIn(path, List.of(line.documentNumber())).isEmpty()) {
                return null;
            }
            return client.postOnce(client.resolve(path), body);
        });
    }

    private Set<String> documentNumbersIn(String path, List<String> documentNumbers) {
        String filter = String.join(" or ", documentNumbers.stream()
                .map(n -> "documentNumber eq '" + n.replace("'", "''") + "'").toList());
        Set<String> found = new HashSet<>();
        URI next = client.resolve(path + "?$filter=" + BcClient.encode(filter) + "&$select=documentNumber");
        while (next != null) {
            JsonNode body = client.get(next, settings.pageSize());
            body.path("value").forEach(line -> found.add(line.path("documentNumber").asText()));
            next = BcClient.nextLink(next, body);
        }
        found.retainAll(documentNumbers);
        return found;
    }

    private RecoupException failure(String message, Throwable cause) {
        return new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "source " + settings.source() + ": " + message, cause);
    }
}
