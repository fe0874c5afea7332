package io.recoup.core.policy;

import io.recoup.core.money.Money;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which customers a ladder applies to: by the customer's segment attribute, by risk score range and by the customer's
 * total open amount (per currency). Segments are tried in order; the first that matches wins. With
 * {@code paymentOptions}, the segment's reminders offer at most those ways to pay, whatever its ladder's steps offer
 * (bank transfer is always there); empty, they offer what the steps offer.
 */
public record Segment(String id, Set<String> customerSegments, Optional<Integer> minRisk, Optional<Integer> maxRisk,
                      Map<String, Money> minTotalOpen, String ladder, Set<PaymentOption> paymentOptions) {
    public Segment {
        Objects.requireNonNull(id, "id");
        customerSegments = Set.copyOf(customerSegments);
        minTotalOpen = Map.copyOf(minTotalOpen);
        Objects.requireNonNull(ladder, "ladder");
        paymentOptions = Set.copyOf(paymentOptions);
    }

    /** A segment that leaves the ways to pay to its ladder's steps. */
    public Segment(String id, Set<String> customerSegments, Optional<Integer> minRisk, Optional<Integer> maxRisk,
                   Map<String, Money> minTotalOpen, String ladder) {
        this(id, customerSegments, minRisk, maxRisk, minTotalOpen, ladder, Set.of());
    }

    public static Segment everyone(String ladder) {
        return new Segment("everyone", Set.of(), Optional.empty(), Optional.empty(), Map.of(), ladder);
    }

    /** What a step offering {@code stepOffers} offers this segment's customers: bank transfer and what both allow. */
    public Set<PaymentOption> offered(Set<PaymentOption> stepOffers) {
        if (paymentOptions.isEmpty()) {
            return stepOffers;
        }
        Set<PaymentOption> offered = EnumSet.of(PaymentOption.BANK_TRANSFER);
        stepOffers.stream().filter(paymentOptions::contains).forEach(offered::add);
        return Set.copyOf(offered);
    }

    /** Whether a customer with these facts falls in this segment; {@code totalOpen} holds one sum per currency. */
    public boolean matches(String customerSegment, int risk, List<Money> totalOpen) {
        if (!customerSegments.isEmpty() && !customerSegments.contains(customerSegment)) {
            return false;
        }
        if (minRisk.isPresent() && risk < minRisk.get() || maxRisk.isPresent() && risk > maxRisk.get()) {
            return false;
        }
        if (minTotalOpen.isEmpty()) {
            return true;
        }
        return totalOpen.stream().anyMatch(t -> {
            Money min = minTotalOpen.get(t.currencyCode());
            return min != null && t.compareTo(min) >= 0;
        });
    }
}
