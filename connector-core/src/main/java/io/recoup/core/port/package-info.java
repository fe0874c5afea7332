/**
 * The ports adapters implement, named by business role: where open items come from, how a reminder reaches a
 * customer, where payments are posted back. Implementations live in {@code adapters/*} and are named by technology.
 */
package io.recoup.core.port;
