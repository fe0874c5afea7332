package io.recoup.routes.directdebit;

import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.pain008.Pain008Options;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How this company collects by direct debit: who collects (name, account and SEPA creditor identifier), the bank's
 * pain.008 dialect, the pre-notification period agreed in the mandate terms, how many TARGET business days before the
 * collection date the file goes to the bank, and the folder the bank's upload tool takes files from.
 *
 * @param preNotificationDays  calendar days between pre-notification and collection; the rulebook's 14 unless the
 *                             mandate terms agree another period
 * @param submissionDaysBefore TARGET business days between file and collection date; at least 1 (the D-1 rule), more
 *                             to stay clear of the bank's own cut-off
 */
public record DirectDebitSettings(CreditorDetails creditor, CreditorIdentifier creditorId, Pain008Options options,
                                  int preNotificationDays, int submissionDaysBefore, Path outbox) {
    public DirectDebitSettings {
        Objects.requireNonNull(creditor, "creditor");
        Objects.requireNonNull(creditorId, "creditorId");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(outbox, "outbox");
        if (preNotificationDays < 1) {
            throw new IllegalArgumentException("the pre-notification period must be at least 1 calendar day, not " + preNotificationDays);
        }
        if (submissionDaysBefore < 1) {
            throw new IllegalArgumentException("a pain.008 must reach the bank at least 1 TARGET business day before the "
                    + "collection date (SDD rulebook D-1), not " + submissionDaysBefore);
        }
    }

    /** The pain.008 dialect for a preset name: {@code default} (001.08), {@code german-dk} or {@code legacy-02} (001.02). */
    public static Pain008Options preset(String name) {
        return switch (name == null ? "default" : name.strip().toLowerCase(Locale.ROOT)) {
            case "default", "" -> Pain008Options.defaults();
            case "german-dk" -> Pain008Options.germanDk();
            case "legacy-02" -> Pain008Options.legacy02();
            default -> throw new IllegalArgumentException("unknown pain.008 preset '" + name
                    + "'; use default (pain.008.001.08), german-dk or legacy-02 (pain.008.001.02)");
        };
    }
}
