/**
 * SMS and automated calls through Twilio's REST API (Messages and Calls, form-encoded, Basic auth with the account
 * SID and auth token), the TwiML a call says, and the status callbacks Twilio posts back, verified by their
 * {@code X-Twilio-Signature} before anything in them is read. Uses the core ports, Jackson, Resilience4j (retry and
 * rate limit) and SLF4J; nothing else. Phone numbers are masked in logs, message texts never logged.
 */
package io.recoup.adapters.twilio;
