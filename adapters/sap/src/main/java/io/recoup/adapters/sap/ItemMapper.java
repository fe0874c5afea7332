package io.recoup.adapters.sap;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Turns one cube row into what Recoup keeps: an open item with its customer, an item SAP reports cleared, or a
 * refusal naming the Recoup field, the SAP field and the reason. The cube holds no separate open amount: an item is
 * open for its whole amount until SAP clears it (a partial payment posted with residual items clears the invoice and
 * opens a new item for the rest, which is read as such). Credit items ({@code DebitCreditCode H}: credit memos,
 * payments on account, partial payments posted without clearing) are refused, so a person applies them in SAP rather
 * than Recoup dunning a customer who owes less, or guessing which invoice a credit belongs to.
 */
final class ItemMapper {
    /** What one row became. */
    sealed interface Mapped {
        Optional<OpenItemKey> key();
    }

    record Open(OpenItemKey item, LedgerRecord record) implements Mapped {
        @Override
        public Optional<OpenItemKey> key() {
            return Optional.of(item);
        }
    }

    record Cleared(OpenItemKey item, String reason) implements Mapped {
        @Override
        public Optional<OpenItemKey> key() {
            return Optional.of(item);
        }
    }

    record Refused(Optional<OpenItemKey> key, String field, String reason) implements Mapped {}

    private final SapSettings settings;

    ItemMapper(SapSettings settings) {
        this.settings = settings;
    }

    Mapped map(CubeRecord row) {
        Optional<List<String>> key = row.key();
        if (key.isEmpty()) {
            return new Refused(Optional.empty(), "key", "one of " + CubeQuery.KEY + " is missing");
        }
        OpenItemKey itemKey = new OpenItemKey(settings.source(), CubeRecord.externalId(key.get()));
        if (row.flag("IsCleared")) {
            return new Cleared(itemKey, "cleared in SAP" + row.text("ClearingAccountingDocument")
                    .map(d -> " by journal entry " + d).orElse("") + safeDate(row, "ClearingDate").map(d -> " on " + d).orElse(""));
        }
        try {
            return new Open(itemKey, record(row, itemKey));
        } catch (Unmappable e) {
            return new Refused(Optional.of(itemKey), e.field, e.getMessage());
        } catch (RecoupException e) {
            return new Refused(Optional.of(itemKey), "item", e.getMessage());
        }
    }

    private LedgerRecord record(CubeRecord row, OpenItemKey itemKey) {
        String customerNumber = required(row, "customer");
        CustomerKey customerKey = new CustomerKey(settings.source(), customerNumber);
        Customer customer = new Customer(customerKey, required(row, "customer-name"), optional(row, "email"),
                optional(row, "phone"), settings.language(), settings.timeZone(), "default");
        Money amount = amount(row);
        OpenItem item = new OpenItem(itemKey, customerKey, required(row, "number"), date(row, "issue-date"),
                date(row, "due-date"), amount, amount);
        return new LedgerRecord(customer, item);
    }

    private Money amount(CubeRecord row) {
        String text = required(row, "amount");
        String currency = required(row, "currency");
        Money amount;
        try {
            amount = Money.of(text, currency);
        } catch (RecoupException e) {
            throw new Unmappable(field("amount") + "/" + field("currency"), e.getMessage());
        }
        if (amount.isNegative() || "H".equals(row.text("DebitCreditCode").orElse("S"))) {
            throw new Unmappable(field("amount"), "credit item of " + amount + " (credit memo, payment on account or "
                    + "partial payment): Recoup collects debit items only; apply it to its invoice in SAP");
        }
        return amount;
    }

    private LocalDate date(CubeRecord row, String recoupField) {
        for (String field : settings.mapping().sourceFields(recoupField)) {
            try {
                Optional<LocalDate> value = row.date(field);
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (IllegalArgumentException e) {
                throw new Unmappable(field, recoupField + " " + e.getMessage());
            }
        }
        throw new Unmappable(field(recoupField), recoupField + " is missing");
    }

    private String required(CubeRecord row, String recoupField) {
        return optional(row, recoupField).orElseThrow(() -> new Unmappable(field(recoupField), recoupField + " is missing"));
    }

    private Optional<String> optional(CubeRecord row, String recoupField) {
        return row.firstText(settings.mapping().sourceFields(recoupField));
    }

    private String field(String recoupField) {
        List<String> fields = settings.mapping().sourceFields(recoupField);
        return fields.isEmpty() ? recoupField : String.join(",", fields);
    }

    private static Optional<LocalDate> safeDate(CubeRecord row, String field) {
        try {
            return row.date(field);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A record that cannot be mapped, naming the SAP field. */
    private static final class Unmappable extends RecoupException {
        private final String field;

        Unmappable(String field, String reason) {
            super(ErrorCode.INVALID_OPEN_ITEM, reason);
            this.field = field;
        }
    }
}
