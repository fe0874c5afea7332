/** Tests of the TARGET calendar, the D-1 rule and pre-notification dates. */
package io.recoup.sepa.collection;
