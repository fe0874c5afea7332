package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.xml.XmlProblem;
import java.math.BigDecimal;
import java.util.List;

/**
 * A pain.008 file read back by {@link Pain008Reader}: group header figures as written, the payment blocks, and every
 * problem met (a transaction whose values cannot exist, such as an invalid IBAN, is left out with a problem).
 */
public record Pain008Document(
        Pain008Version version,
        String messageId,
        String creationDateTime,
        Integer numberOfTransactions,
        BigDecimal controlSum,
        String initiatingPartyName,
        List<PaymentInstruction> payments,
        List<XmlProblem> problems) {

    public Pain008Document {
        payments = List.copyOf(payments);
        problems = List.copyOf(problems);
    }

    /** Every transaction of every block, in file order. */
    public List<DirectDebit> debits() {
        return payments.stream().flatMap(payment -> payment.debits().stream()).toList();
    }

    /** The message this file carries; refused when the file had problems or blocks of different creditors. */
    public Pain008Message toMessage() {
        if (!problems.isEmpty()) {
            throw new SepaException(SepaErrorCode.INVALID_COLLECTION, "Message " + messageId + " was read with "
                    + problems.size() + " problem(s), first: " + problems.get(0));
        }
        Creditor creditor = payments.get(0).creditor();
        for (PaymentInstruction payment : payments) {
            if (!creditor.equals(payment.creditor())) {
                throw new SepaException(SepaErrorCode.INVALID_COLLECTION, "Message " + messageId
                        + " has blocks of different creditors: " + creditor + " and " + payment.creditor());
            }
        }
        return new Pain008Message(messageId, initiatingPartyName, creditor, debits());
    }
}
