/**
 * What payment providers tell Recoup by webhook: their events stored raw, once each, and taken by the worker with
 * {@code FOR UPDATE SKIP LOCKED}. Uses the core's ports and lifecycles and the store's {@link io.recoup.store.Database}.
 */
package io.recoup.store.receive;
