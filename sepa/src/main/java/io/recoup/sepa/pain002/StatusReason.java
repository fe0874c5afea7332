package io.recoup.sepa.pain002;

import java.util.List;

/**
 * One {@code StsRsnInf}: the ISO reason code ({@code Rsn/Cd}, e.g. AC01, AM04, MD01) or a proprietary one
 * ({@code Rsn/Prtry}, e.g. a bank's own number), and the free-text {@code AddtlInf} lines.
 */
public record StatusReason(String code, String proprietary, List<String> additionalInfo) {

    public StatusReason {
        additionalInfo = List.copyOf(additionalInfo);
    }

    /** The ISO code, else the proprietary one, else null. */
    public String effectiveCode() {
        return code != null ? code : proprietary;
    }
}
