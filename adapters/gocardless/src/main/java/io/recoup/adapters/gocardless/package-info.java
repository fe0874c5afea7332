/**
 * GoCardless as a payment provider: its batched webhooks verified over the raw bytes (Webhook-Signature, HMAC-SHA256,
 * any of several secrets during a rotation), its events read into the core's payment effects (payments and the
 * mandates customers set up), its event list for the catch-up, Billing Request flow links on notices and payments
 * against active mandates. Uses the core's ports, the gocardless-pro SDK and Jackson; nothing of GoCardless leaks into
 * other modules.
 */
package io.recoup.adapters.gocardless;
