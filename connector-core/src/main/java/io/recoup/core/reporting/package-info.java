/**
 * Where the finance team stands, as pure functions over amounts the store sums up: aging buckets of open items and
 * days sales outstanding. The dashboard and the reports call these; the store only groups and sums. Uses money.
 */
package io.recoup.core.reporting;
