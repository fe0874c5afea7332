/**
 * The matcher: pure functions from a received payment and the open items to an allocation or an exception with its
 * reason. Every cent of a receipt is either allocated or left unallocated with a reason, never dropped.
 */
package io.recoup.core.matching;
