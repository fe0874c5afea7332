/**
 * Tests of the pain.008 writer and reader: every written file is validated against the official ISO XSDs in
 * {@code shared/fixtures/xsd} (read in place through {@code recoup.fixtures}) on top of the writer's own check,
 * round trips write -> read -> compare, grouping, refusals, and the php-sepa-xml fixtures as structural reference.
 */
package io.recoup.sepa.pain008;
