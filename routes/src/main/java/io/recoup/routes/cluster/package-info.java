/**
 * Singleton pollers among several instances on one database: a Camel cluster service whose leadership is a
 * PostgreSQL session-level advisory lock, for Camel's {@code master:} component, so folder watchers, schedules and
 * ledger syncs run on one instance at a time without other infrastructure. Uses Camel's cluster SPI and JDBC only.
 */
package io.recoup.routes.cluster;
