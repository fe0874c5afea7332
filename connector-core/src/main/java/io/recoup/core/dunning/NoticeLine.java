package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import java.util.Optional;

/** One item on a notice: the step it fulfils, how late it is, what is open and any late charges. */
public record NoticeLine(long itemId, String number, String stepKey, long daysFromDue, Money open, Optional<Charges> charges) {}
