package io.recoup.routes.match;

import io.recoup.core.RecoupException;
import io.recoup.core.event.PersonEvent;
import io.recoup.core.id.AllocationId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.lifecycle.ReceiptEvent;
import io.recoup.core.lifecycle.ReceiptStatus;
import io.recoup.core.matching.Payers;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.receipt.ReceiptRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exceptions queue as a person works it: money the matcher left, with its reason and candidates, allocated by hand
 * to one or several items (posted back like any allocation), or taken out of the queue as not ours or for a refund.
 * Every resolution is in the event log with who and why. An allocation by hand to the items of one customer teaches
 * the matcher the payer's IBAN, so the next payment from that account matches by itself.
 */
public final class ExceptionQueue {
    private final Database db;
    private final ReceiptRepository receipts;
    private final LedgerRepository ledger;
    private final EventLog events;

    public ExceptionQueue(Database db, ReceiptRepository receipts, LedgerRepository ledger, EventLog events) {
        this.db = db;
        this.receipts = receipts;
        this.ledger = ledger;
        this.events = events;
    }

    /** One share of a receipt a person allocates: to this item, this much (in the receipt's currency). */
    public record Share(OpenItemKey item, BigDecimal amount) {}

    /**
     * Why a resolution was refused, naming the part of the request that is wrong ({@code receipt}, {@code
     * allocations[1].amount}); {@code missing} when the receipt does not exist at all.
     */
    public static final class Refused extends RuntimeException {
        private final String field;
        private final boolean missing;

        Refused(String field, String reason, boolean missing) {
            super(reason);
            this.field = field;
            this.missing = missing;
        }

        Refused(String field, String reason) {
            this(field, reason, false);
        }

        public String field() {
            return field;
        }

        public boolean missing() {
            return missing;
        }
    }

    public List<ReceiptRepository.Waiting> waiting(int limit) {
        return receipts.waiting(limit);
    }

    /** A page of what waits, oldest first: {@code limit} receipts after skipping {@code offset}. */
    public List<ReceiptRepository.Waiting> waiting(long offset, int limit) {
        return receipts.waiting(offset, limit);
    }

    public List<java.util.Map<String, Object>> unresolvedReturns(int limit) {
        return receipts.unresolvedReturns(limit);
    }

    /** Allocates the shares in one transaction; what is left stays in the queue. Returns the allocations made. */
    public List<AllocationId> allocate(ReceiptId id, List<Share> shares, String who, String why) {
        return db.inTransaction(() -> {
            ReceiptRepository.Waiting receipt = waitingOrRefuse(id);
            Money total = Money.zero(receipt.unallocated().currency());
            List<StoredItem> items = new ArrayList<>();
            List<Money> amounts = new ArrayList<>();
            for (int i = 0; i < shares.size(); i++) {
                Share share = shares.get(i);
                String field = "allocations[" + i + "]";
                StoredItem item = ledger.find(share.item()).orElseThrow(() -> new Refused(field + ".id", "no item " + share.item()));
                Money amount = inCurrency(share.amount(), receipt.unallocated(), field + ".amount");
                if (!item.open().sameCurrencyAs(amount)) {
                    throw new Refused(field + ".id", "item " + share.item() + " is in " + item.open().currencyCode()
                            + ", the receipt in " + amount.currencyCode() + "; amounts are not converted");
                }
                if (item.status() != ItemStatus.OPEN || item.open().compareTo(amount) < 0) {
                    throw new Refused(field + ".amount", "item " + share.item() + " has " + item.open() + " open, less than " + amount);
                }
                total = total.plus(amount);
                items.add(item);
                amounts.add(amount);
            }
            if (total.compareTo(receipt.unallocated()) > 0) {
                throw new Refused("allocations", "the shares add up to " + total + " but " + receipt.unallocated()
                        + " of the receipt is unallocated");
            }
            List<AllocationId> made = new ArrayList<>();
            for (int i = 0; i < shares.size(); i++) {
                AllocationId allocation = receipts.allocate(id, items.get(i).id(), amounts.get(i), "by hand (" + who + "): " + why);
                ledger.applyAllocation(items.get(i).id(), amounts.get(i));
                events.append(new PersonEvent.AllocatedByHand(who, shares.get(i).item(), amounts.get(i), id, why,
                        items.get(i).open().minus(amounts.get(i))));
                made.add(allocation);
            }
            boolean rest = total.compareTo(receipt.unallocated()) < 0;
            if (!rest) {
                receipts.settle(id, ReceiptEvent.RESOLVE_FULLY, "allocated by hand by " + who + ": " + why);
            } else if (receipt.status() == ReceiptStatus.UNMATCHED) {
                receipts.settle(id, ReceiptEvent.RESOLVE_PARTLY, "partly allocated by hand by " + who + ": " + why);
            }
            learnPayer(receipt, items, who);
            return made;
        });
    }

    public void markNotOurs(ReceiptId id, String who, String why) {
        resolve(id, ReceiptEvent.MARK_NOT_OURS, "marked as not ours", who, why);
    }

    public void requestRefund(ReceiptId id, String who, String why) {
        resolve(id, ReceiptEvent.REQUEST_REFUND, "refund to the payer requested", who, why);
    }

    private void resolve(ReceiptId id, ReceiptEvent event, String resolution, String who, String why) {
        db.inTransaction(() -> {
            waitingOrRefuse(id);
            receipts.settle(id, event, resolution + " by " + who + ": " + why);
            events.append(new PersonEvent.ReceiptResolved(who, id, resolution, why));
        });
    }

    private static Money inCurrency(BigDecimal amount, Money of, String field) {
        try {
            Money money = Money.of(amount, of.currency());
            if (!money.isPositive()) {
                throw new Refused(field, money + " is not a positive amount");
            }
            return money;
        } catch (RecoupException e) {
            throw new Refused(field, e.getMessage());
        }
    }

    private ReceiptRepository.Waiting waitingOrRefuse(ReceiptId id) {
        ReceiptRepository.Waiting receipt = receipts.lockForResolution(id)
                .orElseThrow(() -> new Refused("receipt", "no receipt " + id, true));
        if (!receipt.status().waitsForAPerson() || !receipt.unallocated().isPositive()) {
            throw new Refused("receipt", "receipt " + id + " is " + receipt.status() + " with " + receipt.unallocated()
                    + " unallocated: nothing of it waits in the exceptions queue");
        }
        return receipt;
    }

    /** The payer's IBAN now pays for the one customer the person allocated to. */
    private void learnPayer(ReceiptRepository.Waiting receipt, List<StoredItem> items, String who) {
        Optional<Long> customer = items.stream().map(StoredItem::customerId).distinct().reduce((a, b) -> -1L);
        if (receipt.payerIban() == null || customer.isEmpty() || customer.get() < 0) {
            return;
        }
        ledger.learnPayerIban(customer.get(), receipt.payerIban(), who);
        events.append(new PersonEvent.PayerIbanLearnt(who, ledger.customerKey(customer.get()), Payers.masked(receipt.payerIban())));
    }
}
