package io.recoup.sepa.mandate;

import static io.recoup.sepa.mandate.MandateEvent.AMEND_CREDITOR_ID;
import static io.recoup.sepa.mandate.MandateEvent.AMEND_IBAN;
import static io.recoup.sepa.mandate.MandateEvent.AMEND_REFERENCE;
import static io.recoup.sepa.mandate.MandateEvent.CANCEL;
import static io.recoup.sepa.mandate.MandateEvent.COLLECT;
import static io.recoup.sepa.mandate.MandateEvent.COLLECT_FINAL;
import static io.recoup.sepa.mandate.MandateEvent.LAPSE;
import static io.recoup.sepa.mandate.MandateEvent.REJECT_BY_BANK;
import static io.recoup.sepa.mandate.MandateEvent.SIGN;
import static io.recoup.sepa.mandate.MandateState.ACTIVE;
import static io.recoup.sepa.mandate.MandateState.AMENDED;
import static io.recoup.sepa.mandate.MandateState.CANCELLED;
import static io.recoup.sepa.mandate.MandateState.COMPLETED;
import static io.recoup.sepa.mandate.MandateState.FAILED;
import static io.recoup.sepa.mandate.MandateState.LAPSED;
import static io.recoup.sepa.mandate.MandateState.PENDING_SIGNATURE;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mandate lifecycle as one declared table: every allowed (state, event) pair and the state it leads to. A pair
 * not in the table is an illegal transition and {@link #next} throws {@link IllegalMandateTransition}. Final states
 * have no row: a completed, cancelled, lapsed or failed mandate is never collected again.
 */
public final class MandateLifecycle {

    /** One row of the table. */
    public record Transition(MandateState from, MandateEvent event, MandateState to) {
    }

    public static final List<Transition> TABLE = List.of(
            new Transition(PENDING_SIGNATURE, SIGN, ACTIVE),
            new Transition(PENDING_SIGNATURE, CANCEL, CANCELLED),

            new Transition(ACTIVE, COLLECT, ACTIVE),
            new Transition(ACTIVE, COLLECT_FINAL, COMPLETED),
            new Transition(ACTIVE, AMEND_IBAN, AMENDED),
            new Transition(ACTIVE, AMEND_REFERENCE, AMENDED),
            new Transition(ACTIVE, AMEND_CREDITOR_ID, AMENDED),
            new Transition(ACTIVE, CANCEL, CANCELLED),
            new Transition(ACTIVE, LAPSE, LAPSED),
            new Transition(ACTIVE, REJECT_BY_BANK, FAILED),

            // The next collection carries the amendment (AmdmntInd=true, AmdmntInfDtls) and clears it.
            new Transition(AMENDED, COLLECT, ACTIVE),
            new Transition(AMENDED, COLLECT_FINAL, COMPLETED),
            new Transition(AMENDED, AMEND_IBAN, AMENDED),
            new Transition(AMENDED, AMEND_REFERENCE, AMENDED),
            new Transition(AMENDED, AMEND_CREDITOR_ID, AMENDED),
            new Transition(AMENDED, CANCEL, CANCELLED),
            new Transition(AMENDED, LAPSE, LAPSED),
            new Transition(AMENDED, REJECT_BY_BANK, FAILED));

    private static final Map<MandateState, Map<MandateEvent, MandateState>> INDEX = index();

    private MandateLifecycle() {
    }

    /** The state {@code event} leads to from {@code state}, or an {@link IllegalMandateTransition}. */
    public static MandateState next(MandateState state, MandateEvent event, String mandate) {
        MandateState to = INDEX.getOrDefault(state, Map.of()).get(event);
        if (to == null) {
            throw new IllegalMandateTransition(mandate, state, event, allowed(state));
        }
        return to;
    }

    public static Set<MandateEvent> allowed(MandateState state) {
        return INDEX.getOrDefault(state, Map.of()).keySet();
    }

    private static Map<MandateState, Map<MandateEvent, MandateState>> index() {
        Map<MandateState, Map<MandateEvent, MandateState>> index = new EnumMap<>(MandateState.class);
        for (Transition row : TABLE) {
            MandateState previous = index.computeIfAbsent(row.from(), state -> new EnumMap<>(MandateEvent.class))
                    .put(row.event(), row.to());
            if (previous != null) {
                throw new IllegalStateException("mandate table has two rows for " + row.from() + " + " + row.event());
            }
        }
        return index.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> Map.copyOf(entry.getValue())));
    }
}
