package io.recoup.core;

/** Stable codes for everything that can go wrong in the domain; messages may change, codes do not. */
public enum ErrorCode {
    MONEY_CURRENCY_MISMATCH,
    MONEY_SCALE,
    MONEY_FORMAT,
    INVALID_IDENTIFIER,
    INVALID_OPEN_ITEM,
    INVALID_POLICY,
    TEMPLATE_MISSING,
    TEMPLATE_PLACEHOLDER,
    CHANNEL_FAILURE,
    LEDGER_POSTING_FAILURE,
    ILLEGAL_TRANSITION,
    INVALID_PAYMENT_PLAN,
    INVALID_ALLOCATION,
    FILE_REFUSED,
    SOURCE_UNAVAILABLE,
    INVALID_SOURCE,
    INVALID_PROVIDER_EVENT
}
