/**
 * Microsoft Dynamics 365 Business Central (API v2.0, OData v4): open sales invoices with their customers are read
 * page by page from one or more companies of a tenant ({@link io.recoup.adapters.businesscentral.BusinessCentralOpenItemFeed}),
 * and payments go back as lines of a configured customer payment journal, applied to their invoices
 * ({@link io.recoup.adapters.businesscentral.BusinessCentralLedgerPoster}). Talks HTTP with the JDK's client, JSON with
 * Jackson, retries with Resilience4j; uses connector-core and nothing else of Recoup.
 */
package io.recoup.adapters.businesscentral;
