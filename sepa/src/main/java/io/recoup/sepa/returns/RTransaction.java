package io.recoup.sepa.returns;

import io.recoup.sepa.EndToEndId;
import io.recoup.sepa.SepaText;
import io.recoup.sepa.camt.CamtEntry;
import io.recoup.sepa.camt.CamtTransaction;
import io.recoup.sepa.pain002.TransactionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A collection that did not (or no longer) bring the money: a reject before settlement (pain.002 {@code TxSts =
 * RJCT}) or a return, refund or reversal after it (camt {@code TxDtls/RtrInf}, or {@code Ntry/RvslInd = true}).
 *
 * @param endToEndId   the end-to-end id as the bank reported it ({@code OrgnlEndToEndId} or {@code Refs/EndToEndId});
 *                     null when missing
 * @param reasonCode   the ISO reason code (e.g. AM04), or a proprietary one, or null when the bank gave none
 * @param amount       the amount the bank reported; null for pain.002, which does not repeat it here
 * @param bookingDate  the camt booking date; null for pain.002
 */
public record RTransaction(
        Source source,
        String endToEndId,
        String reasonCode,
        BigDecimal amount,
        String currency,
        String mandateId,
        LocalDate bookingDate,
        String additionalInfo) {

    /** Where the R-transaction was reported. */
    public enum Source { PAIN002_REJECT, CAMT_RETURN, CAMT_REVERSAL }

    public RTransaction {
        Objects.requireNonNull(source, "source");
    }

    /** The reject a pain.002 transaction status reports, or empty when its status is not RJCT. */
    public static Optional<RTransaction> fromStatus(TransactionStatus status) {
        if (!status.isRejected()) {
            return Optional.empty();
        }
        String info = status.reasons().stream().flatMap(reason -> reason.additionalInfo().stream())
                .reduce((a, b) -> a + " " + b).orElse(null);
        return Optional.of(new RTransaction(Source.PAIN002_REJECT, status.originalEndToEndId(), status.reasonCode(),
                null, null, null, null, info));
    }

    /** Each transaction of a camt entry that is a return ({@code RtrInf}) or, in a reversal entry, any transaction. */
    public static List<RTransaction> fromEntry(CamtEntry entry) {
        List<RTransaction> found = new ArrayList<>(1);
        for (CamtTransaction tx : entry.transactions()) {
            if (tx.isReturn() || entry.reversal()) {
                Source source = tx.isReturn() ? Source.CAMT_RETURN : Source.CAMT_REVERSAL;
                BigDecimal amount = tx.amount() != null ? tx.amount()
                        : entry.transactions().size() == 1 ? entry.amount() : null;
                String currency = tx.amount() != null ? tx.currency() : amount != null ? entry.currency() : null;
                found.add(new RTransaction(source, tx.endToEndId(), tx.returnReasonCode(), amount, currency,
                        tx.mandateId(), entry.bookingDate(), tx.returnInfo() != null ? tx.returnInfo() : entry.additionalInfo()));
            }
        }
        return found;
    }

    /** The end-to-end id as a value, when the bank reported one that is a valid SEPA identifier. */
    public Optional<EndToEndId> typedEndToEndId() {
        return endToEndId != null && SepaText.identifierProblem(endToEndId, EndToEndId.MAX_LENGTH) == null
                ? Optional.of(new EndToEndId(endToEndId)) : Optional.empty();
    }

    /** The collection this R-transaction is about, when the end-to-end id is one of Recoup's. */
    public Optional<String> collectionId() {
        return typedEndToEndId().flatMap(EndToEndId::collectionId);
    }

    /** The presentation attempt of the collection (1 first, 2 re-presentation), when the end-to-end id is Recoup's. */
    public OptionalInt attempt() {
        return typedEndToEndId().map(EndToEndId::attempt).orElse(OptionalInt.empty());
    }
}
