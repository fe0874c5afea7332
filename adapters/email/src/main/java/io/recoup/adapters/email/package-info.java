/** E-mail reminders over SMTP with Jakarta Mail; implements the core {@code ReminderChannel} port. */
package io.recoup.adapters.email;
