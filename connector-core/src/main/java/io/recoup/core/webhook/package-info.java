/**
 * Outbound webhooks as the domain sees them: which of the event log's records other tools hear about and what they
 * are told ({@link io.recoup.core.webhook.OutboundEvents}), how a delivery is signed
 * ({@link io.recoup.core.webhook.WebhookSignature}) and when a failed one is tried again
 * ({@link io.recoup.core.webhook.RetrySchedule}). Pure Java: the queue lives in the store, the HTTP call in routes.
 * Uses the core's events, ids and money.
 */
package io.recoup.core.webhook;
