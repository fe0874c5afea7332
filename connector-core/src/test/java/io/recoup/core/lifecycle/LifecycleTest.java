package io.recoup.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table mechanics on a small made-up lifecycle. */
class LifecycleTest {
    enum Light { RED, GREEN, BROKEN }

    enum Switch { FLIP, BREAK }

    @Test
    void refusesATableWithTwoRowsForOneStateAndEvent() {
        assertThatThrownBy(() -> Lifecycle.of("light", Light.RED, List.of(new Transition<>(Light.RED, Switch.FLIP, Light.GREEN),
                new Transition<>(Light.RED, Switch.FLIP, Light.BROKEN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("light table has two rows for RED + FLIP");
    }

    @Test
    void refusesToNameOneTargetForAnEventThatForks() {
        Lifecycle<Light, Switch> light = Lifecycle.of("light", Light.RED, List.of(new Transition<>(Light.RED, Switch.FLIP, Light.GREEN),
                new Transition<>(Light.GREEN, Switch.FLIP, Light.RED)));

        assertThatThrownBy(() -> light.target(Switch.FLIP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("light event FLIP leads to [GREEN, RED], not to one state");
    }

    @Test
    void countsTheTargetAndWhatFollowsItButNotTheWayBackAsAlreadyApplied() {
        Lifecycle<Light, Switch> light = Lifecycle.of("light", Light.RED, List.of(new Transition<>(Light.RED, Switch.FLIP, Light.GREEN),
                new Transition<>(Light.GREEN, Switch.BREAK, Light.BROKEN)));

        assertThat(light.alreadyApplied(Light.GREEN, Switch.FLIP)).isTrue();
        assertThat(light.alreadyApplied(Light.BROKEN, Switch.FLIP)).isTrue();
        assertThat(light.alreadyApplied(Light.RED, Switch.BREAK)).isFalse();
        assertThat(light.sources(Switch.FLIP)).containsExactly(Light.RED);
        assertThat(light.isFinal(Light.BROKEN)).isTrue();
    }
}
