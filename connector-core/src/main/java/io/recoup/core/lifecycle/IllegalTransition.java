package io.recoup.core.lifecycle;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.util.Set;
import java.util.TreeSet;

/**
 * An event a row's state does not allow, e.g. settling a collection that was withdrawn before it went into a file.
 * Names the lifecycle, the row, its state and the event, and what the state would allow.
 */
public final class IllegalTransition extends RecoupException {
    private final String lifecycle;
    private final String row;
    private final String state;
    private final String event;

    IllegalTransition(String lifecycle, String row, Enum<?> state, Enum<?> event, Set<? extends Enum<?>> allowed) {
        super(ErrorCode.ILLEGAL_TRANSITION, lifecycle + " " + row + ": event " + event + " is not allowed in state "
                + state + " (allowed there: " + (allowed.isEmpty() ? "none, the state is final" : names(allowed)) + ")");
        this.lifecycle = lifecycle;
        this.row = row;
        this.state = state.name();
        this.event = event.name();
    }

    public String lifecycle() {
        return lifecycle;
    }

    public String row() {
        return row;
    }

    public String state() {
        return state;
    }

    public String event() {
        return event;
    }

    private static Set<String> names(Set<? extends Enum<?>> allowed) {
        Set<String> names = new TreeSet<>();
        allowed.forEach(event -> names.add(event.name()));
        return names;
    }
}
