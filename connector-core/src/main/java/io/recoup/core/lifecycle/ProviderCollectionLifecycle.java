package io.recoup.core.lifecycle;

import static io.recoup.core.lifecycle.ProviderCollectionStatus.FAILED;
import static io.recoup.core.lifecycle.ProviderCollectionStatus.PAID;
import static io.recoup.core.lifecycle.ProviderCollectionStatus.REFUSED;
import static io.recoup.core.lifecycle.ProviderCollectionStatus.REQUESTED;
import static io.recoup.core.lifecycle.ProviderCollectionStatus.SUBMITTED;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;

/**
 * The lifecycle of an item collected through a payment provider against the customer's mandate there (GoCardless):
 * asked, made, then paid or failed; a paid one can still fail (a late failure, a chargeback). A failed or refused
 * collection ends; the item may be collected again as a new attempt.
 */
public final class ProviderCollectionLifecycle {
    public static final Lifecycle<ProviderCollectionStatus, ProviderCollectionEvent> TABLE = Lifecycle.of("provider collection",
            REQUESTED, List.of(
                    new Transition<>(REQUESTED, ProviderCollectionEvent.SUBMIT, SUBMITTED),
                    new Transition<>(REQUESTED, ProviderCollectionEvent.REFUSE, REFUSED),
                    new Transition<>(SUBMITTED, ProviderCollectionEvent.PAY, PAID),
                    new Transition<>(SUBMITTED, ProviderCollectionEvent.FAIL, FAILED),
                    new Transition<>(PAID, ProviderCollectionEvent.FAIL, FAILED)));

    private ProviderCollectionLifecycle() {
    }
}
