/**
 * Stage 2, plan: the dunning policy in force (reloaded when its file changes) run by the pure engine of
 * connector-core over every customer with open items, batch by batch on every core while the store reads the next
 * batch ({@code ParallelDecider}); each decided notice is written to the notice outbox in the planning transaction.
 * Uses connector-core, the store and Camel.
 */
package io.recoup.routes.plan;
