/** Tests of the mandate lifecycle table, sequence types, amendments and the 36-month lapse. */
package io.recoup.sepa.mandate;
