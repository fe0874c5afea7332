package io.recoup.core.matching;

import io.recoup.core.money.Money;

/** An item that can receive money: its id, invoice number, creditor reference and what is still open. */
public record OpenBalance(long itemId, String number, String creditorReference, Money open) {}
