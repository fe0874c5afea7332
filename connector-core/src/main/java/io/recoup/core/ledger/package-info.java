/**
 * What Recoup knows of the source ledger: customers and their contacts, open items keyed by (source, external id),
 * and the rows an {@link io.recoup.core.port.OpenItemSource} hands over. Plain records; uses only the money package.
 */
package io.recoup.core.ledger;
