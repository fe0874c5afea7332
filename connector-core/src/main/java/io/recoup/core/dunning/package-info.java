/**
 * The dunning engine: for one customer and one moment, which notices to send, on which channel, when, and why; and,
 * for every item not contacted, why not. Pure functions over the policy, the customer's items and contact history;
 * also the risk score and late-payment charges it uses, and an in-memory simulator for previews and back-tests.
 */
package io.recoup.core.dunning;
