/**
 * PostgreSQL persistence: the Flyway schema, the embedded server used when no database is configured, and one
 * repository per table group. The outboxes are read with {@code FOR UPDATE SKIP LOCKED} so several instances can
 * work the same queue. Uses connector-core, Spring JDBC, Flyway and the PostgreSQL driver.
 */
package io.recoup.store;
