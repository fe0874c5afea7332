/**
 * Message templates rendered with Mustache (mustache.java): a subject and body per template and language with a
 * fallback language, the same file giving the plain text and the HTML (inside one shared layout, values escaped), and
 * partials for the item table and the payment options. A template is checked against its renderer's vocabulary when
 * the policy loads, and refused at render when it names a value it is not given, rather than sending a broken message.
 */
package io.recoup.core.message;
