/**
 * Tests of the direct-debit lifecycle on a real PostgreSQL and a GreenMail SMTP server: the whole instance is built as
 * the application builds it, the clock is moved day by day, and e-mails, pain.008 files, rows and the event log are
 * asserted.
 */
package io.recoup.routes.directdebit;
