/**
 * The cash-application benchmarks of issue 11: the statement matcher alone over a million open items, and a whole
 * camt.053 of 100,000 entries taken through the running application's receive and match stages into PostgreSQL,
 * each against a baseline measured in the same run.
 */
package io.recoup.bench.cash;
