/** Checks of the bundled policies and message templates. */
package io.recoup.templates;
