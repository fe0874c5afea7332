/**
 * Reminders as WhatsApp template messages through the WhatsApp Business Cloud API ({@code POST /{phone-number-id}/messages}),
 * and the webhook that reports back: message statuses (sent, delivered, read, failed) and replies, a "STOP" among
 * them being a channel opt-out. Deliveries are verified by {@code X-Hub-Signature-256} over the raw body before
 * anything in them is read; the subscription handshake checks the verify token. Uses the core ports, Jackson,
 * Resilience4j (retry and rate limit) and SLF4J. Phone numbers are masked in logs, message texts never logged.
 */
package io.recoup.adapters.whatsapp;
