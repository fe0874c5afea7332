package io.recoup.core.lifecycle;

import static io.recoup.core.lifecycle.ProviderEventStatus.HANDLED;
import static io.recoup.core.lifecycle.ProviderEventStatus.NEW;
import static io.recoup.core.lifecycle.ProviderEventStatus.PARKED;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;

/**
 * The lifecycle of a stored provider event (a webhook delivery or one found by the catch-up): handled once, or parked
 * with its reason when handling fails for good, and sent through again only by a person.
 */
public final class ProviderEventLifecycle {
    public static final Lifecycle<ProviderEventStatus, ProviderEventMove> TABLE = Lifecycle.of("provider event", NEW, List.of(
            new Transition<>(NEW, ProviderEventMove.HANDLE, HANDLED),
            new Transition<>(NEW, ProviderEventMove.PARK, PARKED),
            new Transition<>(PARKED, ProviderEventMove.RETRY, NEW)));

    private ProviderEventLifecycle() {
    }
}
