package io.recoup.sepa.camt;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the header of one {@code Stmt}, {@code Ntfctn} or {@code Rpt}: its leaves by their path below it and its
 * finished balances, until the header is handed out at the first {@code Ntry}.
 */
final class StatementBuilder {
    private final FieldValues values;
    private final CamtNamespace message;
    private final String messageId;
    private final int index;
    private final int line;
    private String id;
    private Long electronicSequenceNumber;
    private Long legalSequenceNumber;
    private CamtDateTime creationDateTime;
    private String accountIban;
    private String accountOtherId;
    private String accountCurrency;
    private final List<CamtBalance> balances = new ArrayList<>(4);
    private CamtStatement header;

    StatementBuilder(FieldValues values, CamtNamespace message, String messageId, int index, int line) {
        this.values = values;
        this.message = message;
        this.messageId = messageId;
        this.index = index;
        this.line = line;
    }

    void accept(String path, String raw) {
        String text = FieldValues.text(raw);
        switch (path) {
            case "Id" -> id = text;
            case "ElctrncSeqNb" -> electronicSequenceNumber = values.count(raw);
            case "LglSeqNb" -> legalSequenceNumber = values.count(raw);
            case "CreDtTm" -> creationDateTime = values.dateTime(raw);
            case "Acct/Id/IBAN" -> accountIban = text;
            case "Acct/Id/Othr/Id" -> accountOtherId = text;
            case "Acct/Ccy" -> accountCurrency = text;
            default -> {
                // Pagination, owner, servicer, interest and summaries are not needed for reconciliation.
            }
        }
    }

    void add(CamtBalance balance) {
        balances.add(balance);
    }

    boolean isHeaderDelivered() {
        return header != null;
    }

    /** The header, built once; later calls return the same instance so entries can be matched to it by identity. */
    CamtStatement header() {
        if (header == null) {
            header = new CamtStatement(message.messageType(), message.version(), messageId, index, line, id,
                    electronicSequenceNumber, legalSequenceNumber, creationDateTime, accountIban, accountOtherId,
                    accountCurrency, balances, List.of());
        }
        return header;
    }
}
