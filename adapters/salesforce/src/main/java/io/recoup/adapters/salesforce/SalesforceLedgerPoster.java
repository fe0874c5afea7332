package io.recoup.adapters.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each posting as a payment upserted on the mapping's external id field, which holds our document number
 * ({@code PATCH /sobjects/<object>/<field>/<number>}): Salesforce has no idempotency key, the upsert is one, since
 * writing the same number again updates the record it created. Where the mapping has an allocation object, an
 * allocation upserted on its own external id applies the payment to the invoice and names the payment by our number,
 * so it needs no Salesforce id from the first write. Payments go 200 to a call as sObject Collections, all or none per
 * call ({@code post-back.mode: collections}, the default), or one call per record ({@code record}). {@link #alreadyPosted} asks for the last record a posting writes
 * (the allocation when there is one), so a posting interrupted between its two writes is written again, harmlessly.
 */
final class SalesforceLedgerPoster implements LedgerPoster {
    private static final Logger LOG = LoggerFactory.getLogger(SalesforceLedgerPoster.class);
    // keeps a query with 18-character ids or document numbers well under the 2,000 characters advised for a URI
    static final int CHUNK = 100;

    private final SalesforceConfig config;
    private final SalesforceClient client;
    private final PaymentMapping payment;
    private final PaymentRecords records;

    SalesforceLedgerPoster(SalesforceConfig config, SalesforceClient client) {
        this.config = config;
        this.client = client;
        this.payment = config.mapping().payment();
        this.records = new PaymentRecords(config);
    }

    @Override
    public Set<String> alreadyPosted(Set<String> documentNumbers) {
        String object = payment.allocation().map(PaymentMapping.Allocation::object).orElse(payment.object());
        String field = payment.allocation().map(PaymentMapping.Allocation::externalIdField)
                .orElse(payment.externalIdField());
        Set<String> found = new HashSet<>();
        try {
            for (List<String> chunk : chunks(List.copyOf(documentNumbers))) {
                eachRecord(Soql.whereIn(object, field, field, chunk),
                        record -> InvoiceReader.text(record, field).ifPresent(found::add));
            }
        } catch (SalesforceFault fault) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "cannot ask " + config.source()
                    + " which payments it holds: " + fault.getMessage(), fault);
        }
        found.retainAll(documentNumbers);
        return found;
    }

    @Override
    public String post(List<LedgerPosting> postings) {
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("nothing to post");
        }
        // a reversal that cannot name its payment fails before anything is written
        postings.stream().filter(p -> !records.writesPayment(p)).forEach(records::original);
        int created;
        try {
            Map<String, String> accounts = accounts(postings);
            created = config.collections() ? inCollections(postings, accounts) : oneByOne(postings, accounts);
        } catch (SalesforceFault fault) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "posting to " + config.source() + " failed: "
                    + fault.getMessage(), fault);
        }
        String batch = config.source() + " " + payment.object() + " " + postings.get(0).documentNumber()
                + (postings.size() > 1 ? ".." + postings.get(postings.size() - 1).documentNumber() : "");
        LOG.info("{}: {} payments upserted ({} new)", batch, postings.size(), created);
        return batch;
    }

    private int oneByOne(List<LedgerPosting> postings, Map<String, String> accounts) {
        int created = 0;
        for (LedgerPosting posting : postings) {
            if (records.writesPayment(posting)) {
                created += client.upsert(payment.object(), payment.externalIdField(), posting.documentNumber(),
                        records.payment(posting, accounts)) ? 1 : 0;
            }
            if (payment.allocation().isPresent()) {
                PaymentMapping.Allocation allocation = payment.allocation().get();
                client.upsert(allocation.object(), allocation.externalIdField(), posting.documentNumber(),
                        records.allocation(posting, allocation));
            }
        }
        return created;
    }

    /** 200 payments to a call, then their 200 allocations; each call all or none. */
    private int inCollections(List<LedgerPosting> postings, Map<String, String> accounts) {
        int created = 0;
        for (int i = 0; i < postings.size(); i += SalesforceClient.COLLECTION_LIMIT) {
            List<LedgerPosting> chunk = postings.subList(i, Math.min(postings.size(), i + SalesforceClient.COLLECTION_LIMIT));
            List<LedgerPosting> paid = chunk.stream().filter(records::writesPayment).toList();
            if (!paid.isEmpty()) {
                created += written(paid, payment.object(), client.upsertAll(payment.object(), payment.externalIdField(),
                        paid.stream().map(p -> PaymentRecords.collectionRecord(payment.object(),
                                payment.externalIdField(), p, records.payment(p, accounts))).toList()));
            }
            if (payment.allocation().isPresent()) {
                PaymentMapping.Allocation a = payment.allocation().get();
                written(chunk, a.object(), client.upsertAll(a.object(), a.externalIdField(), chunk.stream()
                        .map(p -> PaymentRecords.collectionRecord(a.object(), a.externalIdField(), p,
                                records.allocation(p, a))).toList()));
            }
        }
        return created;
    }

    /** How many records the call created; fails naming each refused posting when Salesforce rolled the call back. */
    private int written(List<LedgerPosting> chunk, String object, JsonNode results) {
        List<String> refused = new ArrayList<>();
        boolean rolledBack = false;
        int created = 0;
        for (int i = 0; i < chunk.size(); i++) {
            JsonNode result = results.get(i);
            if (result.path("success").asBoolean(false)) {
                created += result.path("created").asBoolean(false) ? 1 : 0;
                continue;
            }
            rolledBack = true;
            JsonNode error = result.path("errors").path(0);
            // the others of an all-or-none call fail only because one did: name the ones that caused it
            if (!"ALL_OR_NONE_OPERATION_ROLLED_BACK".equals(error.path("statusCode").asText())) {
                refused.add(chunk.get(i).documentNumber() + " " + error.path("statusCode").asText() + ": "
                        + error.path("message").asText() + " " + error.path("fields"));
            }
        }
        if (rolledBack) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, config.source() + ": " + object + " refused, none of "
                    + chunk.size() + " from " + chunk.get(0).documentNumber() + " written: " + refused);
        }
        return created;
    }

    /** The account of each posting's invoice, read in one query per chunk, when the payment has an account field. */
    private Map<String, String> accounts(List<LedgerPosting> postings) {
        Map<String, String> accounts = new HashMap<>();
        if (payment.account().isEmpty()) {
            return accounts;
        }
        ObjectMapping m = config.mapping();
        List<String> invoices = postings.stream().map(p -> p.item().externalId()).distinct().toList();
        for (List<String> chunk : chunks(invoices)) {
            eachRecord(Soql.whereIn(m.object(), m.id() + ", " + m.customerId(), m.id(), chunk),
                    record -> InvoiceReader.text(record, m.customerId())
                            .ifPresent(account -> accounts.put(InvoiceReader.text(record, m.id()).orElse(""), account)));
        }
        for (String invoice : invoices) {
            if (!accounts.containsKey(invoice)) {
                throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, config.source() + ": invoice " + invoice
                        + " is not in " + m.object() + " or has no " + m.customerId() + "; nothing posted");
            }
        }
        return accounts;
    }

    private void eachRecord(String soql, Consumer<JsonNode> each) {
        client.eachPage(soql, false, page -> page.path("records").forEach(each));
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += CHUNK) {
            chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
        }
        return chunks;
    }
}
