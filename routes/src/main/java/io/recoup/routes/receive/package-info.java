/**
 * Stage 4, receive: bank statements (camt.053/054) read as a stream, each booked credit stored as a receipt keyed
 * by the bank's reference; booked debits and reversals handed to whoever handles returns (direct debit). Room for
 * payment-provider webhooks. Uses sepa (camt reader), the store and Camel.
 */
package io.recoup.routes.receive;
