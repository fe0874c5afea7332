/**
 * E-mail reminders over SMTP with Jakarta Mail, implementing the core {@code ReminderChannel} port, and the bounces
 * that come back: delivery status notifications (RFC 3464) read from an IMAP mailbox ({@code DeliveryReports}).
 */
package io.recoup.adapters.email;
