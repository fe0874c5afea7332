/**
 * The reminder e-mail benchmark: Recoup's dispatch path (render with the bundled templates, then the SMTP channel)
 * against raw Jakarta Mail sends of the same messages, both to one local GreenMail SMTP server in the same run.
 */
package io.recoup.bench.mail;
