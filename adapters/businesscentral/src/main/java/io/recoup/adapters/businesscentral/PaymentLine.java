package io.recoup.adapters.businesscentral;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.LedgerPosting;
import java.math.BigDecimal;

/**
 * One posting as a {@code customerPayment} line: the company and invoice from the item's key
 * ({@code <companyId>/<invoiceId>}), our document number (at most 20 characters, Business Central's length, refused
 * when longer because a cut number would no longer find the line again) and the payment reference as external document
 * number (cut to 35 characters, never inside a surrogate pair).
 */
record PaymentLine(String company, String invoiceId, String documentNumber, String externalDocumentNumber,
                   LedgerPosting posting) {

    static PaymentLine of(LedgerPosting posting, BcSettings settings) {
        String number = posting.documentNumber() == null ? "" : posting.documentNumber().strip();
        if (number.isEmpty() || number.length() > BusinessCentralLedgerPoster.MAX_DOCUMENT_NUMBER) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "source " + settings.source()
                    + ": document number '" + number + "' does not fit Business Central's documentNumber (1 to "
                    + BusinessCentralLedgerPoster.MAX_DOCUMENT_NUMBER + " characters, this has " + number.length() + ")");
        }
        String key = posting.item().externalId();
        int slash = key.indexOf('/');
        if (!posting.item().source().equals(settings.source()) || slash < 1 || slash == key.length() - 1) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "source " + settings.source() + ": posting "
                    + number + " is for item " + posting.item() + ", not a Business Central invoice of this source");
        }
        String reference = posting.paymentReference() == null || posting.paymentReference().isBlank()
                ? number : posting.paymentReference().strip();
        return new PaymentLine(key.substring(0, slash), key.substring(slash + 1), number,
                cut(reference, BusinessCentralLedgerPoster.MAX_EXTERNAL_DOCUMENT_NUMBER), posting);
    }

    /** The first {@code max} characters, one fewer when the cut would split a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return Character.isHighSurrogate(text.charAt(max - 1)) ? text.substring(0, max - 1) : text.substring(0, max);
    }

    /** Business Central's API line has no currency: it books in the invoice's, so ours must be the same. */
    void checkCurrency(String invoiceCurrency, String localCurrency) {
        String invoice = invoiceCurrency.isBlank() ? localCurrency : invoiceCurrency;
        if (!invoice.equals(posting.amount().currencyCode())) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "posting " + documentNumber + " is in "
                    + posting.amount().currencyCode() + " but invoice " + invoiceId + " is in " + invoice);
        }
    }

    ObjectNode body(ObjectMapper json, String customerId, boolean negative) {
        BigDecimal amount = posting.amount().amount();
        ObjectNode body = json.createObjectNode();
        body.put("customerId", customerId);
        body.put("postingDate", posting.paymentDate().toString());
        body.put("documentNumber", documentNumber);
        body.put("externalDocumentNumber", externalDocumentNumber);
        body.put("amount", negative ? amount.negate() : amount);
        body.put("appliesToInvoiceId", invoiceId);
        body.put("description", cut("Recoup " + documentNumber, 100));
        return body;
    }
}
