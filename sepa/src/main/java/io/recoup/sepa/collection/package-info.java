/**
 * Dates of a direct-debit collection: the TARGET2 calendar ({@link io.recoup.sepa.collection.TargetCalendar}), the
 * D-1 submission rule ({@link io.recoup.sepa.collection.CollectionDates}) and the pre-notification the debtor must
 * receive before the due date ({@link io.recoup.sepa.collection.PreNotification}); sending it is the channel layer's
 * job. Pure date arithmetic with every date given by the caller; uses the root and mandate packages.
 */
package io.recoup.sepa.collection;
