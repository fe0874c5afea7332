package io.recoup.routes.receive;

import io.recoup.core.money.Money;
import io.recoup.sepa.camt.CamtEntry;
import io.recoup.sepa.camt.CamtStatement;
import io.recoup.sepa.camt.CamtTransaction;
import io.recoup.sepa.camt.CreditDebit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one booked statement entry means for cash application, as pure functions: the payments it brings in (one per
 * transaction detail when a batch booking itemises them, else one for the entry) and the earlier credits it sends back
 * (a booked debit with the reversal indicator or with return information). Used by the statement import and by the
 * offline {@code reconcile} job, so both read a statement the same way.
 */
public final class StatementReceipts {
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private StatementReceipts() {
    }

    /**
     * One payment received. {@code entryRef} is the entry's account-servicer reference or, without one, its statement
     * and position; {@code txIndex} the detail's 0-based position in the entry; {@code key} is unique per account and
     * payment, so importing a statement twice adds nothing; {@code bankReferences} are the ids a later return may quote.
     */
    public record Received(String entryRef, int txIndex, String key, Money amount, List<String> references, String remittance,
                           String payerName, String payerIban, LocalDate bookedOn, LocalDate valueDate,
                           Set<String> bankReferences) {}

    /** A booked debit that sends back an earlier credit, with every id it quotes of that credit and the bank's reason. */
    public record Returned(String entryRef, int txIndex, Money amount, Set<String> quotedReferences, String reasonCode,
                           boolean reversal) {}

    public static List<Received> received(CamtStatement statement, CamtEntry entry) {
        if (entry.direction() != CreditDebit.CREDIT || entry.reversal() || !entry.isBooked()) {
            return List.of();
        }
        String entryRef = entryRef(statement, entry);
        String key = firstNonBlank(entry.accountServicerReference(), entry.entryReference(), statement.id() + "#" + entry.index());
        List<CamtTransaction> details = entry.transactions();
        boolean splitByDetail = details.size() > 1 && details.stream().allMatch(t -> t.amount() != null);
        if (!splitByDetail) {
            List<String> references = details.stream().flatMap(t -> t.creditorReferences().stream()).distinct().toList();
            Set<String> bank = bankReferences(entry, details);
            return List.of(new Received(entryRef, 0, key, Money.of(entry.amount(), Money.currencyOf(entry.currency())), references,
                    remittance(details, entry), details.size() == 1 ? details.get(0).debtorName() : null,
                    details.size() == 1 ? details.get(0).debtorIban() : null, entry.bookingDate(), entry.valueDate(), bank));
        }
        List<Received> result = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            CamtTransaction t = details.get(i);
            result.add(new Received(entryRef, i, key + "/" + (i + 1),
                    Money.of(t.amount(), Money.currencyOf(Objects.requireNonNullElse(t.currency(), entry.currency()))),
                    t.creditorReferences(), String.join(" ", t.remittanceLines()), t.debtorName(), t.debtorIban(),
                    entry.bookingDate(), entry.valueDate(), bankReferences(entry, List.of(t))));
        }
        return result;
    }

    /** The credits a booked debit sends back: one per returned transaction detail, or the entry as a whole. */
    public static List<Returned> returned(CamtStatement statement, CamtEntry entry) {
        if (entry.direction() != CreditDebit.DEBIT || !entry.isBooked()) {
            return List.of();
        }
        boolean anyReturn = entry.transactions().stream().anyMatch(CamtTransaction::isReturn);
        if (!entry.reversal() && !anyReturn) {
            return List.of();
        }
        String entryRef = entryRef(statement, entry);
        List<CamtTransaction> details = entry.transactions();
        if (details.size() <= 1 || details.stream().anyMatch(t -> t.amount() == null)) {
            CamtTransaction only = details.size() == 1 ? details.get(0) : null;
            return List.of(new Returned(entryRef, 0, Money.of(entry.amount(), Money.currencyOf(entry.currency())),
                    quoted(details), only == null ? null : only.returnReasonCode(), entry.reversal()));
        }
        List<Returned> result = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            CamtTransaction t = details.get(i);
            result.add(new Returned(entryRef, i, Money.of(t.amount(), Money.currencyOf(Objects.requireNonNullElse(t.currency(),
                    entry.currency()))), quoted(List.of(t)), t.returnReasonCode(), entry.reversal()));
        }
        return result;
    }

    /** The entry's account-servicer reference, else its statement and 1-based position. */
    public static String entryRef(CamtStatement statement, CamtEntry entry) {
        return firstNonBlank(entry.accountServicerReference(), statement.id() + "#" + entry.index());
    }

    private static Set<String> bankReferences(CamtEntry entry, List<CamtTransaction> details) {
        Set<String> references = new LinkedHashSet<>();
        add(references, entry.accountServicerReference());
        add(references, entry.entryReference());
        details.forEach(t -> Stream.of(t.endToEndId(), t.accountServicerReference(), t.transactionId(), t.instructionId())
                .forEach(id -> add(references, id)));
        return references;
    }

    private static Set<String> quoted(List<CamtTransaction> details) {
        Set<String> references = new LinkedHashSet<>();
        details.forEach(t -> Stream.of(t.endToEndId(), t.accountServicerReference(), t.transactionId(), t.instructionId())
                .forEach(id -> add(references, id)));
        return references;
    }

    private static void add(Set<String> references, String id) {
        if (id != null && !id.isBlank() && !NOT_PROVIDED.equalsIgnoreCase(id.strip())) {
            references.add(id.strip());
        }
    }

    private static String remittance(List<CamtTransaction> details, CamtEntry entry) {
        String text = details.stream().flatMap(t -> t.remittanceLines().stream()).collect(Collectors.joining(" "));
        return text.isEmpty() ? Objects.requireNonNullElse(entry.additionalInfo(), "") : text;
    }

    private static String firstNonBlank(String... values) {
        return Stream.of(values).filter(v -> v != null && !v.isBlank()).findFirst().orElseThrow();
    }
}
