package io.recoup.sepa.pain002;

import java.util.List;

/** One {@code OrgnlPmtInfAndSts}: the payment block's id as we sent it, its status and reasons, and its transactions. */
public record PaymentStatus(
        String originalPaymentInformationId,
        String status,
        List<StatusReason> reasons,
        List<TransactionStatus> transactions) {

    public PaymentStatus {
        reasons = List.copyOf(reasons);
        transactions = List.copyOf(transactions);
    }

    public boolean isRejected() {
        return "RJCT".equals(status);
    }
}
