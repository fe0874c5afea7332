package io.recoup.sepa.pain002;

import java.util.List;

/**
 * One {@code TxInfAndSts}: which collection it is about ({@code OrgnlEndToEndId}, {@code OrgnlInstrId}), its status
 * ({@code TxSts}: RJCT rejected, ACCP/ACSC accepted, PDNG pending, and the DK codes RCVC/RVNM/RVMC/RVNA) and reasons.
 *
 * @param line the line where the {@code TxInfAndSts} element starts
 */
public record TransactionStatus(
        String originalInstructionId,
        String originalEndToEndId,
        String status,
        List<StatusReason> reasons,
        int line) {

    public TransactionStatus {
        reasons = List.copyOf(reasons);
    }

    public boolean isRejected() {
        return "RJCT".equals(status);
    }

    /** The first reason's code (ISO or proprietary), or null. */
    public String reasonCode() {
        return reasons.stream().map(StatusReason::effectiveCode).filter(code -> code != null).findFirst().orElse(null);
    }
}
