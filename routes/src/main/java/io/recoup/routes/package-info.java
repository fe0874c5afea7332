/**
 * The Apache Camel routes that run Recoup, one sub-package per stage in the order the data flows: {@code ingest}
 * (ledger exports into open items), {@code plan} (the dunning policy into the notice outbox), {@code dispatch} (notices
 * out on their channels), {@code receive} (bank statements into receipts), {@code match} (receipts onto open items),
 * {@code postback} (allocations back into the ledger, exactly once) and {@code directdebit} (SEPA mandates, pain.008 and
 * returns); {@code cycle} puts them together and drives them. Each stage package holds its stage service beside its
 * RouteBuilder. Stages do not use each other's classes (only {@code cycle} uses them all); this package holds what
 * they share: the error handling every route names ({@link io.recoup.routes.RouteErrors}), the inbox folder URIs,
 * the company's bank details and where the statement import hands returned debits ({@link ReturnedEntries}). Rules
 * live in connector-core and sepa; rows live in the store; stages move data between them, one transaction per unit
 * of work.
 */
package io.recoup.routes;
