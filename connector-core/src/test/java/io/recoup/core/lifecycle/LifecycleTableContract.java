package io.recoup.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What every declared lifecycle table must satisfy; each table's test extends this and adds its own cases. */
abstract class LifecycleTableContract<S extends Enum<S>, E extends Enum<E>> {
    private final Lifecycle<S, E> lifecycle;
    private final Class<E> events;
    private final Predicate<S> declaredFinal;

    /** {@code declaredFinal}: the states the enum calls final, which the table must leave without a way out. */
    LifecycleTableContract(Lifecycle<S, E> lifecycle, Class<E> events, Predicate<S> declaredFinal) {
        this.lifecycle = lifecycle;
        this.events = events;
        this.declaredFinal = declaredFinal;
    }

    @Test
    void reachesEveryStateFromTheStateRowsAreCreatedIn() {
        assertThat(lifecycle.reachableFrom(lifecycle.initial()))
                .containsExactlyInAnyOrder(lifecycle.states().getEnumConstants());
    }

    @Test
    void hasAtMostOneRowPerStateAndEvent() {
        Set<String> pairs = new HashSet<>();
        for (Lifecycle.Transition<S, E> row : lifecycle.table()) {
            assertThat(pairs.add(row.from() + "+" + row.event())).as(row.toString()).isTrue();
        }
    }

    @Test
    void givesExactlyTheFinalStatesNoWayOut() {
        for (S state : lifecycle.states().getEnumConstants()) {
            assertThat(lifecycle.isFinal(state)).as(state.name()).isEqualTo(declaredFinal.test(state));
        }
    }

    @Test
    void usesEveryEventAndLeadsEachToOneState() {
        Set<E> used = EnumSet.noneOf(events);
        lifecycle.table().forEach(row -> used.add(row.event()));
        assertThat(used).containsExactlyInAnyOrder(events.getEnumConstants());
        for (E event : events.getEnumConstants()) {
            assertThat(lifecycle.target(event)).as(event.name()).isNotNull();
        }
    }

    @Test
    void followsTheTableForEveryStateAndEventAndRefusesTheRestWithATypedError() {
        for (S state : lifecycle.states().getEnumConstants()) {
            for (E event : events.getEnumConstants()) {
                S expected = lifecycle.table().stream().filter(row -> row.from() == state && row.event() == event)
                        .map(Lifecycle.Transition::to).findFirst().orElse(null);
                if (expected != null) {
                    assertThat(lifecycle.next(state, event, 7)).as(state + " + " + event).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> lifecycle.next(state, event, 7))
                            .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                                assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                                assertThat(e.state()).isEqualTo(state.name());
                                assertThat(e.event()).isEqualTo(event.name());
                            })
                            .hasMessageContaining(lifecycle.name() + " 7: event " + event + " is not allowed in state " + state);
                }
            }
        }
    }

    @Test
    void neverCountsAStateAnEventStartsFromAsAlreadyApplied() {
        for (E event : events.getEnumConstants()) {
            for (S source : lifecycle.sources(event)) {
                assertThat(lifecycle.alreadyApplied(source, event)).as(source + " + " + event).isFalse();
            }
        }
    }
}
