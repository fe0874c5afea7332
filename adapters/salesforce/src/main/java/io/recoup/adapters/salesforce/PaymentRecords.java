package io.recoup.adapters.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.LedgerPosting;
import java.util.Map;

/**
 * The records one posting becomes, as the mapping names their fields: a payment applied to the invoice's account, and
 * an allocation naming that payment by our document number. A reversal (our number ending in {@code -R}, a negative
 * amount) becomes no payment: with an allocation object it is an allocation of the reversal's type against the
 * original payment, for the amount taken back; without one, a payment of the negative amount.
 */
final class PaymentRecords {
    static final String REVERSAL_SUFFIX = "-R";

    private final SalesforceConfig config;
    private final PaymentMapping payment;

    PaymentRecords(SalesforceConfig config) {
        this.config = config;
        this.payment = config.mapping().payment();
    }

    /** Whether the posting writes a payment (a reversal with an allocation object writes only the allocation). */
    boolean writesPayment(LedgerPosting posting) {
        return !posting.amount().isNegative() || payment.allocation().isEmpty();
    }

    ObjectNode payment(LedgerPosting posting, Map<String, String> accounts) {
        ObjectNode fields = SalesforceClient.JSON.createObjectNode();
        payment.fixed().forEach(fields::put);
        fields.put(payment.amount(), posting.amount().amount());
        payment.date().ifPresent(f -> fields.put(f, posting.paymentDate().toString()));
        payment.reference().ifPresent(f -> fields.put(f, posting.paymentReference()));
        payment.invoice().ifPresent(f -> fields.put(f, posting.item().externalId()));
        payment.account().ifPresent(f -> fields.put(f, accounts.get(posting.item().externalId())));
        if (config.mapping().currency().filter("CurrencyIsoCode"::equals).isPresent()) {
            fields.put("CurrencyIsoCode", posting.amount().currencyCode());
        }
        return fields;
    }

    ObjectNode allocation(LedgerPosting posting, PaymentMapping.Allocation allocation) {
        boolean reversal = posting.amount().isNegative();
        ObjectNode fields = SalesforceClient.JSON.createObjectNode();
        (reversal && !allocation.reversalFixed().isEmpty() ? allocation.reversalFixed() : allocation.fixed())
                .forEach(fields::put);
        // the payment is named by our number through its external id field: no Salesforce id needed
        fields.putObject(allocation.paymentRelationship()).put(payment.externalIdField(),
                reversal ? original(posting) : posting.documentNumber());
        fields.put(allocation.invoice(), posting.item().externalId());
        fields.put(allocation.amount(), posting.amount().amount().abs());
        return fields;
    }

    /** The same fields as one record of an sObject Collections upsert: typed, with our number in the external id. */
    static ObjectNode collectionRecord(String object, String externalIdField, LedgerPosting posting, ObjectNode fields) {
        ObjectNode record = SalesforceClient.JSON.createObjectNode();
        record.putObject("attributes").put("type", object);
        record.put(externalIdField, posting.documentNumber());
        record.setAll(fields);
        return record;
    }

    /** The document number of the payment a reversal takes back. */
    String original(LedgerPosting posting) {
        String number = posting.documentNumber();
        if (!number.endsWith(REVERSAL_SUFFIX) || number.length() == REVERSAL_SUFFIX.length()) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, config.source() + ": posting " + number
                    + " takes money back but does not name the payment it reverses (<number>" + REVERSAL_SUFFIX + ")");
        }
        return number.substring(0, number.length() - REVERSAL_SUFFIX.length());
    }
}
