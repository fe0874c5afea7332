/**
 * Issue 15's load figure: the dashboard's aging and needs-a-person pages and the item API over 1,000,000 open items,
 * each as p50/p99 latency against a static file served by the same server in the same run.
 */
package io.recoup.bench.dashboard;
