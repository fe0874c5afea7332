/**
 * The lists people page through over the API: open items, notices and the tasks that need a person, each filtered
 * and read a page at a time in a stable order, so a list over a million rows never reads them all. Uses the store's
 * {@link io.recoup.store.Database}; read-only.
 */
package io.recoup.store.listing;
