package io.recoup.sepa.mandate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The declared table, checked exhaustively: every (state, event) pair either follows a row or is a typed error. */
class MandateLifecycleTest {

    @Test
    void hasAtMostOneRowPerStateAndEvent() {
        Set<String> pairs = new HashSet<>();
        for (MandateLifecycle.Transition row : MandateLifecycle.TABLE) {
            assertThat(pairs.add(row.from() + "+" + row.event())).as(row.toString()).isTrue();
        }
    }

    @Test
    void givesFinalStatesNoWayOut() {
        for (MandateState state : MandateState.values()) {
            assertThat(MandateLifecycle.allowed(state).isEmpty()).as(state.name()).isEqualTo(state.isFinal());
        }
    }

    @ParameterizedTest
    @EnumSource(MandateState.class)
    void appliesExactlyTheTableToEveryEventInEveryState(MandateState state) {
        Mandate mandate = Mandates.inState(state);
        assertThat(mandate.state()).isEqualTo(state);
        for (MandateEvent event : MandateEvent.values()) {
            MandateState expected = MandateLifecycle.TABLE.stream()
                    .filter(row -> row.from() == state && row.event() == event)
                    .map(MandateLifecycle.Transition::to).findFirst().orElse(null);
            if (expected == null) {
                assertThatThrownBy(() -> apply(mandate, event))
                        .isInstanceOfSatisfying(IllegalMandateTransition.class, e -> {
                            assertThat(e.state()).isEqualTo(state);
                            assertThat(e.event()).isEqualTo(event);
                            assertThat(e.code()).isEqualTo(SepaErrorCode.ILLEGAL_MANDATE_TRANSITION);
                        })
                        .hasMessageContaining("event " + event + " is not allowed in state " + state);
            } else {
                assertThat(apply(mandate, event).state()).as(state + " + " + event).isEqualTo(expected);
            }
        }
    }

    @Test
    void refusesToCollectOnACancelledMandateNamingStateAndEvent() {
        Mandate cancelled = Mandates.used().cancel();

        assertThatThrownBy(() -> cancelled.nextCollection(LocalDate.of(2026, 6, 1), false))
                .isInstanceOf(IllegalMandateTransition.class)
                .hasMessage("Mandate DE98ZZZ09999999999/M-2026-0001: event COLLECT is not allowed in state CANCELLED"
                        + " (allowed there: none, the state is final)");
    }

    @Test
    void coversEveryStateAndEventInTheTable() {
        Set<MandateState> from = EnumSet.noneOf(MandateState.class);
        Set<MandateEvent> events = EnumSet.noneOf(MandateEvent.class);
        MandateLifecycle.TABLE.forEach(row -> {
            from.add(row.from());
            events.add(row.event());
        });
        assertThat(events).containsExactlyInAnyOrder(MandateEvent.values());
        assertThat(from).containsExactlyInAnyOrder(MandateState.PENDING_SIGNATURE, MandateState.ACTIVE, MandateState.AMENDED);
    }

    private static Mandate apply(Mandate mandate, MandateEvent event) {
        LocalDate due = LocalDate.of(2026, 6, 1);
        Function<Mandate, Mandate> step = switch (event) {
            case SIGN -> m -> m.sign(Mandates.SIGNED);
            case COLLECT -> m -> m.collected(m.nextCollection(due, false));
            case COLLECT_FINAL -> m -> m.collected(m.nextCollection(due, true));
            case AMEND_IBAN -> m -> m.amendIban(Mandates.SAME_BANK_IBAN, null);
            case AMEND_REFERENCE -> m -> m.amendReference(new MandateReference("M-2026-0001-B"));
            case AMEND_CREDITOR_ID -> m -> m.amendCreditorId(io.recoup.sepa.CreditorIdentifier.of("DE", "ZZZ", "01234567890"));
            case CANCEL -> Mandate::cancel;
            case LAPSE -> m -> m.lapse(LocalDate.of(2030, 1, 1));
            case REJECT_BY_BANK -> Mandate::rejectByBank;
        };
        try {
            return step.apply(mandate);
        } catch (IllegalMandateTransition e) {
            throw e;
        } catch (SepaException e) {
            throw new AssertionError("unexpected refusal for " + mandate.state() + " + " + event, e);
        }
    }
}
