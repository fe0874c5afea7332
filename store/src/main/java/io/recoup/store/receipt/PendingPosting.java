package io.recoup.store.receipt;

import io.recoup.core.id.AllocationId;
import io.recoup.core.id.PostingId;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.time.LocalDate;

/**
 * A posting taken from the outbox: the allocation to apply in the source ledger. {@code reference} is the payment's own
 * reference at its provider (the bank's entry reference), which the ledger keeps to trace the payment.
 */
public record PendingPosting(PostingId postingId, String documentNumber, AllocationId allocationId, OpenItemKey item,
                             String invoiceNumber, Money amount, LocalDate paymentDate, String reference) {}
