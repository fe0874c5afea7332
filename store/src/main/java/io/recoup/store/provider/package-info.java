/**
 * What Recoup keeps of its customers' mandates at payment providers (GoCardless) and of the items it collects
 * through them: the rows the receive stage writes from the providers' events and the collect stage reads and moves.
 * Uses the store's {@code Database} and the core's lifecycles only.
 */
package io.recoup.store.provider;
