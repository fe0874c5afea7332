/**
 * Outbound webhooks: the worker that takes due deliveries from the store's outbox ({@code FOR UPDATE SKIP LOCKED}),
 * signs and POSTs each to its subscriber, and records delivered, try again later or parked; and its timer route. Uses
 * the core's webhook rules, the store's outbox, the JDK's HTTP client and Camel.
 */
package io.recoup.routes.webhook;
