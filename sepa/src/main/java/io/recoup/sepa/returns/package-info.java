/**
 * R-transactions on Recoup's collections and what to do about each: {@link io.recoup.sepa.returns.RTransaction} is a
 * reject from a pain.002 or a return, refund or reversal from a camt statement, mapped back to its collection through
 * the end-to-end id; {@link io.recoup.sepa.returns.ReturnReasonPolicy} maps its reason code to an action with one
 * declared table. Uses the root, camt, pain002, mandate and collection packages.
 */
package io.recoup.sepa.returns;
