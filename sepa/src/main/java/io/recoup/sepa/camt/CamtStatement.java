package io.recoup.sepa.camt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of one {@code Stmt} (camt.053), {@code Ntfctn} (camt.054) or {@code Rpt} (camt.052): which message and
 * version it came in, its identification, the account and the balances. The streaming reader hands it over before
 * the statement's entries with an empty {@link #entries()} list; {@link CamtReader#readAll} returns it with its
 * entries. The header is what the schema puts before the first {@code Ntry}.
 *
 * @param messageType  {@code camt.052}, {@code camt.053} or {@code camt.054}, from the namespace URI
 * @param version      {@code 001.02} to {@code 001.13}, from the namespace URI
 * @param messageId    {@code GrpHdr/MsgId} of the enclosing message
 * @param index        1-based position of this statement within the message
 * @param line         line in the file where the statement element starts
 * @param accountOtherId {@code Acct/Id/Othr/Id}, for accounts the bank does not identify by IBAN
 */
public record CamtStatement(
        String messageType,
        String version,
        String messageId,
        int index,
        int line,
        String id,
        Long electronicSequenceNumber,
        Long legalSequenceNumber,
        CamtDateTime creationDateTime,
        String accountIban,
        String accountOtherId,
        String accountCurrency,
        List<CamtBalance> balances,
        List<CamtEntry> entries) {

    public CamtStatement {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(version, "version");
        balances = List.copyOf(Objects.requireNonNull(balances, "balances"));
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** The account as the bank identified it: the IBAN, else {@code Othr/Id}. */
    public String accountId() {
        return accountIban != null ? accountIban : accountOtherId;
    }

    /** The first balance of the given type code, e.g. {@code CLBD}. */
    public Optional<CamtBalance> balance(String typeCode) {
        return balances.stream().filter(balance -> balance.typeCode().equals(typeCode)).findFirst();
    }

    /** The opening booked balance: {@code OPBD}, else {@code PRCD} (the previous statement's closing balance). */
    public Optional<CamtBalance> openingBooked() {
        return balance("OPBD").or(() -> balance("PRCD"));
    }

    public Optional<CamtBalance> closingBooked() {
        return balance("CLBD");
    }

    CamtStatement withEntries(List<CamtEntry> allEntries) {
        return new CamtStatement(messageType, version, messageId, index, line, id, electronicSequenceNumber,
                legalSequenceNumber, creationDateTime, accountIban, accountOtherId, accountCurrency, balances, allEntries);
    }
}
