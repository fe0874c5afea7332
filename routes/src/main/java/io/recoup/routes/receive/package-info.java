/**
 * Stage 4, receive: bank statements (camt.053/054) read as a stream, each booked credit stored as a receipt keyed
 * by the bank's reference; booked debits and reversals handed to whoever handles returns (direct debit). Payment
 * providers' events stored by their webhooks are handled by a worker, each in its own transaction. Uses sepa (camt
 * reader), the core's payment ports, the store and Camel.
 */
package io.recoup.routes.receive;
