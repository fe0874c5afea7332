package io.recoup.adapters.salesforce;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one payment is written back: the object, the external id field the upsert is keyed on (it holds our document
 * number, so writing the same posting again updates the one record), the fields for amount, date, reference, the
 * invoice and its account, constant values the org requires (a status, a processing mode), and optionally an
 * allocation record that applies the payment to the invoice, upserted on its own external id and pointing to the
 * payment through the payment's external id.
 */
record PaymentMapping(String object, String externalIdField, String amount, Optional<String> date,
                      Optional<String> reference, Optional<String> invoice, Optional<String> account,
                      Map<String, String> fixed, Optional<Allocation> allocation) {
    PaymentMapping {
        Objects.requireNonNull(object, "payment.object");
        Objects.requireNonNull(externalIdField, "payment.external-id-field");
        Objects.requireNonNull(amount, "payment.amount");
        fixed = Map.copyOf(fixed);
    }

    /**
     * The record that applies a payment to an invoice ({@code blng__PaymentAllocationInvoice__c},
     * {@code PaymentLineInvoice}). {@code paymentRelationship} is the relationship name of its payment lookup (the
     * field name ending in {@code __r} or without {@code Id}), through which the payment is named by our document number.
     * A reversal ({@code RCP-1-42-R}, a negative amount) writes no payment: it takes back the original payment's
     * allocation with one of its own, carrying {@code reversalFixed} (e.g. {@code blng__Type__c: Unallocation}) and the
     * amount as a positive number.
     */
    record Allocation(String object, String externalIdField, String paymentRelationship, String invoice, String amount,
                      Map<String, String> fixed, Map<String, String> reversalFixed) {
        Allocation {
            Objects.requireNonNull(object, "payment.allocation.object");
            Objects.requireNonNull(externalIdField, "payment.allocation.external-id-field");
            Objects.requireNonNull(paymentRelationship, "payment.allocation.payment-relationship");
            Objects.requireNonNull(invoice, "payment.allocation.invoice");
            Objects.requireNonNull(amount, "payment.allocation.amount");
            fixed = Map.copyOf(fixed);
            reversalFixed = Map.copyOf(reversalFixed);
        }
    }
}
