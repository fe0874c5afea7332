/**
 * Message templates: a subject and body with {@code ${name}} placeholders, looked up by template name and language
 * with a fallback language. Rendering fails on a placeholder without a value rather than sending a broken message.
 */
package io.recoup.core.message;
