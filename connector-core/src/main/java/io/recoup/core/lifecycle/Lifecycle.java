package io.recoup.core.lifecycle;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One lifecycle as a declared table: every allowed (state, event) pair and the state it leads to, the state a row is
 * created in, and what follows from the table for the store. A pair not in the table is an illegal transition
 * ({@link #next} throws {@link IllegalTransition}); a state with no row is final. For a guarded SQL update the table
 * gives the states an event starts from ({@link #sources}) and the one state it leads to ({@link #target}); when the
 * update finds the row elsewhere, {@link #alreadyApplied} tells a replay (the row is at the target or has moved on
 * from it) from an illegal transition.
 *
 * @param <S> the states, stored as their names
 * @param <E> the events that move a row from one state to another
 */
public final class Lifecycle<S extends Enum<S>, E extends Enum<E>> {

    /** One row of a table. */
    public record Transition<S extends Enum<S>, E extends Enum<E>>(S from, E event, S to) {
        public Transition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(to, "to");
        }
    }

    private final String name;
    private final S initial;
    private final List<Transition<S, E>> table;
    private final Map<S, Map<E, S>> index;

    private Lifecycle(String name, S initial, List<Transition<S, E>> table) {
        this.name = Objects.requireNonNull(name, "name");
        this.initial = Objects.requireNonNull(initial, "initial");
        this.table = List.copyOf(table);
        this.index = new EnumMap<>(initial.getDeclaringClass());
        for (Transition<S, E> row : this.table) {
            S previous = index.computeIfAbsent(row.from(), state -> new EnumMap<>(row.event().getDeclaringClass()))
                    .put(row.event(), row.to());
            if (previous != null) {
                throw new IllegalArgumentException(name + " table has two rows for " + row.from() + " + " + row.event());
            }
        }
    }

    /** A lifecycle named {@code name} (used in error messages) whose rows start in {@code initial}. */
    public static <S extends Enum<S>, E extends Enum<E>> Lifecycle<S, E> of(String name, S initial,
                                                                            List<Transition<S, E>> table) {
        return new Lifecycle<>(name, initial, table);
    }

    public String name() {
        return name;
    }

    /** The state every row is created in. */
    public S initial() {
        return initial;
    }

    public List<Transition<S, E>> table() {
        return table;
    }

    public Class<S> states() {
        return initial.getDeclaringClass();
    }

    /** The state {@code event} leads to from {@code state}, or an {@link IllegalTransition} naming the row. */
    public S next(S state, E event, Object row) {
        S to = index.getOrDefault(state, Map.of()).get(event);
        if (to == null) {
            throw refusal(state, event, row);
        }
        return to;
    }

    public Set<E> allowed(S state) {
        return Collections.unmodifiableSet(index.getOrDefault(state, Map.of()).keySet());
    }

    public boolean allows(S state, E event) {
        return allowed(state).contains(event);
    }

    /** True when no event leads out of {@code state}. */
    public boolean isFinal(S state) {
        return allowed(state).isEmpty();
    }

    /** The states {@code event} may start from: the guard of an update that applies it. */
    public Set<S> sources(E event) {
        Set<S> sources = EnumSet.noneOf(states());
        table.stream().filter(row -> row.event() == event).forEach(row -> sources.add(row.from()));
        return sources;
    }

    /** The one state {@code event} leads to; the store needs one, so a table whose event forks is refused here. */
    public S target(E event) {
        List<S> targets = table.stream().filter(row -> row.event() == event).map(Transition::to).distinct().toList();
        if (targets.size() != 1) {
            throw new IllegalArgumentException(name + " event " + event + " leads to " + targets + ", not to one state");
        }
        return targets.get(0);
    }

    /** Every state a row in {@code state} can come to by following the table, {@code state} included. */
    public Set<S> reachableFrom(S state) {
        return reachable(state, EnumSet.noneOf(states()));
    }

    /**
     * True when a row in {@code state} has already taken {@code event} or an event that made it moot: it is at the
     * event's target, or at a state reached from there without passing through a state the event starts from. A
     * second import of the same file finds its rows so; the store reports it as "nothing changed", not as an error.
     */
    public boolean alreadyApplied(S state, E event) {
        S target = target(event);
        Set<S> sources = sources(event);
        // an event that keeps the row where it is (a deferral) can never have been applied already
        return !sources.contains(target) && reachable(target, sources).contains(state);
    }

    /** The error for applying {@code event} to {@code row} in {@code state}. */
    public IllegalTransition refusal(S state, E event, Object row) {
        return new IllegalTransition(name, String.valueOf(row), state, event, allowed(state));
    }

    private Set<S> reachable(S from, Set<S> avoid) {
        Set<S> seen = EnumSet.of(from);
        Deque<S> open = new ArrayDeque<>(seen);
        while (!open.isEmpty()) {
            for (S to : index.getOrDefault(open.pop(), Map.of()).values()) {
                if (!avoid.contains(to) && seen.add(to)) {
                    open.push(to);
                }
            }
        }
        return seen;
    }
}
