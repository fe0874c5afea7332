package io.recoup.core.port;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.time.LocalDate;

/**
 * One payment to apply in the source ledger. {@code documentNumber} is unique per allocation and is what the poster
 * checks before writing, so a posting whose outcome was unclear is never applied twice.
 */
public record LedgerPosting(String documentNumber, OpenItemKey item, String invoiceNumber, Money amount,
                            LocalDate paymentDate, String paymentReference) {}
