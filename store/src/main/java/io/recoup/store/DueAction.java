package io.recoup.store;

import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** A planned action claimed for dispatch, with what the message needs of its item and customer. */
public record DueAction(long actionId, String stepId, Channel channel, String template, LocalDate plannedOn, int attempts,
                        long itemId, ItemStatus itemStatus, String invoiceNumber, LocalDate dueDate, Money open,
                        String creditorReference, String customerName, Optional<String> email, Optional<String> phone,
                        Locale language) {}
