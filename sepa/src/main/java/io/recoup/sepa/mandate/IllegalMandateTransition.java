package io.recoup.sepa.mandate;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.util.Set;
import java.util.TreeSet;

/** An event the mandate's state does not allow, e.g. collecting on a cancelled mandate. Names state and event. */
public final class IllegalMandateTransition extends SepaException {
    private final transient MandateState state;
    private final transient MandateEvent event;

    IllegalMandateTransition(String mandate, MandateState state, MandateEvent event, Set<MandateEvent> allowed) {
        super(SepaErrorCode.ILLEGAL_MANDATE_TRANSITION, "Mandate " + mandate + ": event " + event
                + " is not allowed in state " + state + " (allowed there: "
                + (allowed.isEmpty() ? "none, the state is final" : new TreeSet<>(allowed)) + ")");
        this.state = state;
        this.event = event;
    }

    public MandateState state() {
        return state;
    }

    public MandateEvent event() {
        return event;
    }
}
