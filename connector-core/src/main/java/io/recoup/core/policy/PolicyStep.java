package io.recoup.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a ladder: from {@code offsetDays} relative to the due date (negative = before), reach the customer on
 * the first usable of {@code channels} (the fallback order) with {@code template}. A repeating step fires again every
 * {@code repeatEveryDays} until {@code untilOffsetDays} (inclusive), each occurrence a step of its own
 * ({@code id#2}, {@code id#3}, ...). Its reminders offer {@code paymentOptions} (bank transfer only unless the
 * policy says otherwise) and, with {@code letter}, carry the formal letter as a file (e.g. a PDF on the e-mail). With
 * {@code skipIf}, the step is left out when the customer already opened a payment link or read a message about the item.
 */
public record PolicyStep(String id, int offsetDays, List<Channel> channels, String template, Optional<Integer> repeatEveryDays,
                         Optional<Integer> untilOffsetDays, Set<PaymentOption> paymentOptions, Optional<LetterFormat> letter,
                         Optional<SkipIf> skipIf) {
    /** What a step offers when the policy does not say. */
    public static final Set<PaymentOption> DEFAULT_PAYMENT_OPTIONS = Set.of(PaymentOption.BANK_TRANSFER);

    public PolicyStep {
        Objects.requireNonNull(id, "id");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("step " + id + " has no channel");
        }
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(repeatEveryDays, "repeatEveryDays");
        Objects.requireNonNull(untilOffsetDays, "untilOffsetDays");
        paymentOptions = Set.copyOf(paymentOptions);
        if (paymentOptions.isEmpty()) {
            throw new IllegalArgumentException("step " + id + " offers no way to pay");
        }
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(skipIf, "skipIf");
    }

    public PolicyStep(String id, int offsetDays, List<Channel> channels, String template, Optional<Integer> repeatEveryDays,
                      Optional<Integer> untilOffsetDays, Set<PaymentOption> paymentOptions, Optional<LetterFormat> letter) {
        this(id, offsetDays, channels, template, repeatEveryDays, untilOffsetDays, paymentOptions, letter, Optional.empty());
    }

    public PolicyStep(String id, int offsetDays, List<Channel> channels, String template, Optional<Integer> repeatEveryDays,
                      Optional<Integer> untilOffsetDays, Set<PaymentOption> paymentOptions) {
        this(id, offsetDays, channels, template, repeatEveryDays, untilOffsetDays, paymentOptions, Optional.empty());
    }

    public PolicyStep(String id, int offsetDays, List<Channel> channels, String template, Optional<Integer> repeatEveryDays,
                      Optional<Integer> untilOffsetDays) {
        this(id, offsetDays, channels, template, repeatEveryDays, untilOffsetDays, DEFAULT_PAYMENT_OPTIONS);
    }

    public static PolicyStep once(String id, int offsetDays, Channel channel, String template) {
        return new PolicyStep(id, offsetDays, List.of(channel), template, Optional.empty(), Optional.empty());
    }

    /** The offset of the last occurrence: the step's own offset unless it repeats. */
    public int lastOffset() {
        return repeatEveryDays.isPresent() ? untilOffsetDays.orElse(offsetDays) : offsetDays;
    }

    /** "due+3", "due-3", "due": how a person reads a timing. */
    public static String timing(int offsetDays) {
        return offsetDays == 0 ? "due" : offsetDays > 0 ? "due+" + offsetDays : "due" + offsetDays;
    }
}
