/**
 * Typed ids of Recoup's own rows where they cross from the store to the stages and the application and are easy to
 * mix up (a notice and its actions, a receipt, its allocations and their postings). Each is a record around the
 * database's positive id and prints as that number. The planning path keeps primitive ids: it is read a million
 * items at a time. Uses only the core's error types.
 */
package io.recoup.core.id;
