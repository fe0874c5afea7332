package io.recoup.sepa.pain002;

import io.recoup.sepa.xml.XmlProblem;
import java.util.List;

/**
 * A whole pain.002 status report: header, the original message it answers ({@code OrgnlGrpInfAndSts}), the group
 * status and reasons, each payment block's status with its transactions, and every problem met while reading.
 *
 * @param messageName e.g. {@code pain.002.001.10}, or {@code pain.002.001.03.ch.02} for the SIX variant
 */
public record Pain002Report(
        String messageName,
        String messageId,
        String creationDateTime,
        String originalMessageId,
        String originalMessageNameId,
        String groupStatus,
        List<StatusReason> groupReasons,
        List<PaymentStatus> payments,
        List<XmlProblem> problems) {

    public Pain002Report {
        groupReasons = List.copyOf(groupReasons);
        payments = List.copyOf(payments);
        problems = List.copyOf(problems);
    }

    /** Every transaction status of every block, in file order. */
    public List<TransactionStatus> transactions() {
        return payments.stream().flatMap(payment -> payment.transactions().stream()).toList();
    }

    /** The transactions with status RJCT. */
    public List<TransactionStatus> rejections() {
        return transactions().stream().filter(TransactionStatus::isRejected).toList();
    }
}
