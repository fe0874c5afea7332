package io.recoup.adapters.sap;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts payments to SAP S/4HANA as journal entries through the synchronous SOAP service, one entry per posting, and
 * answers which document numbers SAP already holds by reading the customer lines whose {@code DocumentReferenceID}
 * is one of ours from the same cube the feed reads. SAP cannot post several journal entries all or nothing: when the
 * third of five fails, the first two stay posted and this throws; the caller's retry asks {@link #alreadyPosted}
 * first and posts only the rest. A SOAP call is never repeated here, since a dropped answer leaves its outcome
 * unclear. The invoice is cleared against the payment in SAP (clearing run or a person), which the next sync sees.
 */
final class SapLedgerPoster implements LedgerPoster {
    private static final Logger LOG = LoggerFactory.getLogger(SapLedgerPoster.class);
    /** SAP's DocumentReferenceID (BKPF-XBLNR) holds 16 characters. */
    static final int MAX_DOCUMENT_NUMBER = 16;
    private static final int NUMBERS_PER_QUERY = 20;

    private final SapSettings settings;
    private final SapSettings.Posting posting;
    private final SapHttp http;
    private final CubeQuery query;
    private final Clock clock;

    SapLedgerPoster(SapSettings settings, SapHttp http, CubeQuery query, Clock clock) {
        this.settings = settings;
        this.posting = settings.requirePosting();
        this.http = http;
        this.query = query;
        this.clock = clock;
    }

    @Override
    public Set<String> alreadyPosted(Set<String> documentNumbers) {
        // DocumentReferenceID is an upper-case field: SAP may give back our number in capitals
        Map<String, String> asked = new HashMap<>();
        documentNumbers.forEach(n -> asked.put(n.toUpperCase(Locale.ROOT), n));
        List<String> all = new ArrayList<>(new TreeSet<>(documentNumbers));
        Set<String> found = new TreeSet<>();
        for (int from = 0; from < all.size(); from += NUMBERS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + NUMBERS_PER_QUERY));
            JsonNode answer = read(() -> http.getJson(query.lookup(query.posted(chunk, posting.documentType()),
                    "DocumentReferenceID,CompanyCode,FiscalYear,AccountingDocument", 1000)));
            for (JsonNode row : answer.isArray() ? answer : answer.path("results")) {
                new CubeRecord(row).text("DocumentReferenceID").map(r -> asked.get(r.toUpperCase(Locale.ROOT)))
                        .ifPresent(found::add);
            }
        }
        return found;
    }

    @Override
    public String post(List<LedgerPosting> postings) {
        List<String> documents = new ArrayList<>();
        for (LedgerPosting p : postings) {
            documents.add(postOne(p).toString());
        }
        LOG.info("source {}: posted {} payment(s) as journal entries {}", settings.source(), documents.size(), documents);
        return String.join(",", documents);
    }

    private JournalEntrySoap.Confirmation postOne(LedgerPosting p) {
        String number = p.documentNumber();
        if (number == null || number.isBlank() || number.length() > MAX_DOCUMENT_NUMBER) {
            throw failure(number, "document number must be 1-" + MAX_DOCUMENT_NUMBER
                    + " characters to fit SAP's reference field, which the check against double posting reads");
        }
        List<String> key = CubeRecord.parseExternalId(p.item().externalId()).orElseThrow(() -> failure(number,
                "item " + p.item() + " is not an SAP item key (company/year/document/item)"));
        CubeRecord invoice = new CubeRecord(read(() -> http.getJson(query.item(key,
                "CompanyCode,Customer,TransactionCurrency,IsCleared"))));
        String customer = invoice.text("Customer").orElseThrow(() -> failure(number, "item " + p.item()
                + " has no customer in SAP"));
        if (p.amount().isPositive() && invoice.flag("IsCleared")) {
            // SAP's own bank statement run may have cleared it with the same money: a second payment would be a credit
            throw failure(number, "item " + p.item() + " is already cleared in SAP; a person decides whether this "
                    + "payment belongs elsewhere");
        }
        String currency = invoice.text("TransactionCurrency").orElse(p.amount().currencyCode());
        if (!currency.equals(p.amount().currencyCode())) {
            throw failure(number, "payment in " + p.amount().currencyCode() + " for item " + p.item() + " in " + currency);
        }
        JournalEntrySoap.Entry entry = new JournalEntrySoap.Entry(p, key.get(0), customer, posting);
        String body;
        try {
            body = http.postSoap(posting.soapEndpoint(), JournalEntrySoap.request(entry, number, clock.instant()),
                    JournalEntrySoap.ACTION);
        } catch (SapHttpException e) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "payment " + number + ": " + e.getMessage()
                    + (e.status() == 0 ? "; whether SAP posted it is unclear, the next attempt checks first" : ""), e);
        }
        return JournalEntrySoap.confirmation(body, number);
    }

    private static JsonNode read(java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (SapHttpException e) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "cannot read from SAP: " + e.getMessage(), e);
        }
    }

    private static RecoupException failure(String number, String reason) {
        return new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "payment " + number + ": " + reason);
    }
}
