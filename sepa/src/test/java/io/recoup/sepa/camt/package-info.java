/**
 * Tests of the camt reader: the vendor fixtures read in place from {@code recoup.fixtures}, our own broken and
 * hostile files under {@code src/test/resources/camt053/}, a generated 200,000-entry stream and seeded mutations.
 */
package io.recoup.sepa.camt;
