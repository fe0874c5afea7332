/**
 * The dunning policy: a policy (steps at day offsets from the due date, each on a channel with a template), its
 * loader and the planner that turns open items, what was already planned and today's date into planned actions.
 * Pure code: no I/O but the YAML text handed to the loader.
 */
package io.recoup.core.policy;
