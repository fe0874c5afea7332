package io.recoup.core.dunning;

import java.math.BigDecimal;

/**
 * A customer's payment history in the figures the risk score uses: invoices paid, average days paid late, promises
 * broken, how much is open and overdue (in the company's currency, whole units) and bounced messages.
 */
public record PaymentBehaviour(int invoicesPaid, BigDecimal averageDaysLate, int brokenPromises, BigDecimal openOverdue,
                               int bounces) {}
