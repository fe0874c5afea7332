/**
 * What the planning stage reads and what people record to steer it: the set-based reader of every customer's
 * case (open items copied in PostgreSQL's binary format, holds, promises, plans, overrides, opt-outs, contact history)
 * and the pauses repository. Uses connector-core and the store's {@code Database}.
 */
package io.recoup.store.plan;
