/**
 * Stripe as a payment provider: its webhooks verified over the raw bytes (Stripe-Signature, HMAC-SHA256, any of
 * several secrets during a rotation), its events read into the core's payment effects. Uses the core's ports and
 * Jackson only; nothing of Stripe leaks into other modules.
 */
package io.recoup.adapters.stripe;
