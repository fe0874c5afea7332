package io.recoup.sepa.pain008;

import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.SequenceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One {@code PmtInf} block as read back: its id and control figures as written in the file, the values the block
 * gives all its transactions, and the transactions. Fields the file lacks or that could not be read are null.
 */
public record PaymentInstruction(
        String id,
        Boolean batchBooking,
        Integer numberOfTransactions,
        BigDecimal controlSum,
        SequenceType sequenceType,
        MandateScheme scheme,
        LocalDate collectionDate,
        Creditor creditor,
        List<DirectDebit> debits) {

    public PaymentInstruction {
        debits = List.copyOf(debits);
    }
}
