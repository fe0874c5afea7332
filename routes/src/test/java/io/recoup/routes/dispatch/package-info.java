/**
 * Fast tests of what a notice says: the renderer with the bundled templates and a fixed clock, no database.
 */
package io.recoup.routes.dispatch;
