/** Tests of R-transactions from the camt and pain.002 fixtures and of the reason-code policy table. */
package io.recoup.sepa.returns;
