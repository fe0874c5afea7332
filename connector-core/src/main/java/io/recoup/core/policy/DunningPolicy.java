package io.recoup.core.policy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A named, versioned dunning policy ("collection" is kept for SEPA direct-debit presentations): ladders of steps, the segments that choose a ladder per customer, the
 * minimum open amount worth chasing, the guardrails, how long a promise to pay pauses the ladder, optional
 * late-payment charges, and the onboarding rule that keeps a firm escalation from being an item's first contact.
 */
public record DunningPolicy(String id, String version, Consolidation consolidation, Map<String, Ladder> ladders,
                            List<Segment> segments, Map<String, Money> minimumOpen, Guardrails guardrails,
                            int promiseGraceDays, Optional<LateCharges> lateCharges, Onboarding onboarding) {

    /** One notice per customer listing every item due (PER_CUSTOMER) or one per item and step (PER_ITEM). */
    public enum Consolidation { PER_CUSTOMER, PER_ITEM }

    public DunningPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(consolidation, "consolidation");
        ladders = Map.copyOf(ladders);
        segments = List.copyOf(segments);
        minimumOpen = Map.copyOf(minimumOpen);
        Objects.requireNonNull(guardrails, "guardrails");
        Objects.requireNonNull(lateCharges, "lateCharges");
        Objects.requireNonNull(onboarding, "onboarding");
        if (segments.isEmpty()) {
            throw new RecoupException(ErrorCode.INVALID_POLICY, "policy " + id + " has no segment");
        }
        for (Segment s : segments) {
            if (!ladders.containsKey(s.ladder())) {
                throw new RecoupException(ErrorCode.INVALID_POLICY, "policy " + id + ": segment " + s.id()
                        + " uses ladder '" + s.ladder() + "', which is not defined");
            }
        }
    }

    /** A policy with one ladder for everyone and no guardrails, as tests and simple set-ups want it. */
    public static DunningPolicy simple(String id, String version, List<PolicyStep> steps) {
        return new DunningPolicy(id, version, Consolidation.PER_CUSTOMER,
                Map.of("default", new Ladder("default", steps, Optional.empty())), List.of(Segment.everyone("default")),
                Map.of(), Guardrails.none(), 3, Optional.empty(), Onboarding.DEFAULT);
    }

    public Ladder ladder(String ladderId) {
        return ladders.get(ladderId);
    }

    /**
     * What a reminder planned in {@code segmentId} for {@code stepKey} ({@code id}, or {@code id#n} for a repeat) offers
     * to pay with: what that step of the segment's ladder offers, narrowed to what the segment allows. A segment this
     * policy does not have (a notice planned under an earlier version, or outside any segment) is answered as
     * {@link #paymentOptions(String)} does.
     */
    public Set<PaymentOption> paymentOptions(String stepKey, Optional<String> segmentId) {
        Optional<Segment> segment = segmentId.flatMap(id -> segments.stream().filter(s -> s.id().equals(id)).findFirst());
        if (segment.isEmpty()) {
            return paymentOptions(stepKey);
        }
        String stepId = stepId(stepKey);
        Set<PaymentOption> stepOffers = ladders.get(segment.get().ladder()).steps().stream().filter(s -> s.id().equals(stepId))
                .findFirst().map(PolicyStep::paymentOptions).orElse(PolicyStep.DEFAULT_PAYMENT_OPTIONS);
        return segment.get().offered(stepOffers);
    }

    /**
     * What a reminder planned for {@code stepKey} ({@code id}, or {@code id#n} for a repeat) offers to pay with when its
     * segment is not known: a step id used in several ladders offers only what all of them offer, and only what every
     * segment on those ladders allows; an escalation, an onboarding reminder or a step no longer in the policy offers
     * the default.
     */
    public Set<PaymentOption> paymentOptions(String stepKey) {
        String stepId = stepId(stepKey);
        Set<PaymentOption> offered = null;
        for (Ladder ladder : ladders.values()) {
            for (PolicyStep step : ladder.steps()) {
                if (step.id().equals(stepId)) {
                    Set<PaymentOption> here = EnumSet.copyOf(step.paymentOptions());
                    segments.stream().filter(s -> s.ladder().equals(ladder.id())).forEach(s -> here.retainAll(s.offered(step.paymentOptions())));
                    offered = offered == null ? here : offered;
                    offered.retainAll(here);
                }
            }
        }
        return offered == null || offered.isEmpty() ? PolicyStep.DEFAULT_PAYMENT_OPTIONS : Set.copyOf(offered);
    }

    /** The step id of a step key: {@code id}, or {@code id#n} for a repeat. */
    private static String stepId(String stepKey) {
        int hash = stepKey.indexOf('#');
        return hash < 0 ? stepKey : stepKey.substring(0, hash);
    }

    /**
     * The letter a reminder planned for {@code stepKey} carries, if its step asks for one; as with
     * {@link #paymentOptions}, a step id used in several ladders carries it only when all of them ask for it. The
     * escalation ({@link Ladder#ESCALATION_KEY}) carries the letter its ladders' escalations ask for, when they agree.
     */
    public Optional<LetterFormat> letter(String stepKey) {
        List<Optional<LetterFormat>> asked;
        if (Ladder.ESCALATION_KEY.equals(stepKey)) {
            asked = ladders.values().stream().flatMap(l -> l.escalation().stream()).map(Escalation::letter).distinct().toList();
        } else {
            int hash = stepKey.indexOf('#');
            String stepId = hash < 0 ? stepKey : stepKey.substring(0, hash);
            asked = ladders.values().stream().flatMap(l -> l.steps().stream())
                    .filter(s -> s.id().equals(stepId)).map(PolicyStep::letter).distinct().toList();
        }
        return asked.size() == 1 ? asked.get(0) : Optional.empty();
    }
}
