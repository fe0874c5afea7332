package io.recoup.core.lifecycle;

import static io.recoup.core.lifecycle.CollectionEvent.ACCEPT;
import static io.recoup.core.lifecycle.CollectionEvent.MISS_SUBMISSION_DAY;
import static io.recoup.core.lifecycle.CollectionEvent.PRE_NOTIFY;
import static io.recoup.core.lifecycle.CollectionEvent.REJECT;
import static io.recoup.core.lifecycle.CollectionEvent.RETURN;
import static io.recoup.core.lifecycle.CollectionEvent.SETTLE;
import static io.recoup.core.lifecycle.CollectionEvent.SUBMIT;
import static io.recoup.core.lifecycle.CollectionEvent.WITHDRAW;
import static io.recoup.core.lifecycle.CollectionStatus.ACCEPTED;
import static io.recoup.core.lifecycle.CollectionStatus.CANCELLED;
import static io.recoup.core.lifecycle.CollectionStatus.PLANNED;
import static io.recoup.core.lifecycle.CollectionStatus.PRE_NOTIFIED;
import static io.recoup.core.lifecycle.CollectionStatus.REJECTED;
import static io.recoup.core.lifecycle.CollectionStatus.RETURNED;
import static io.recoup.core.lifecycle.CollectionStatus.SETTLED;
import static io.recoup.core.lifecycle.CollectionStatus.SUBMITTED;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;

/**
 * The lifecycle of one presentation of a SEPA direct debit, from planned to settled, rejected, returned or
 * withdrawn. The mandate it is collected under has its own table ({@code io.recoup.sepa.mandate.MandateLifecycle}).
 */
public final class CollectionLifecycle {

    public static final Lifecycle<CollectionStatus, CollectionEvent> TABLE = Lifecycle.of("collection", PLANNED, List.of(
            new Transition<>(PLANNED, PRE_NOTIFY, PRE_NOTIFIED),
            new Transition<>(PLANNED, WITHDRAW, CANCELLED),

            new Transition<>(PRE_NOTIFIED, SUBMIT, SUBMITTED),
            new Transition<>(PRE_NOTIFIED, MISS_SUBMISSION_DAY, PLANNED),
            new Transition<>(PRE_NOTIFIED, WITHDRAW, CANCELLED),

            new Transition<>(SUBMITTED, ACCEPT, ACCEPTED),
            new Transition<>(SUBMITTED, SETTLE, SETTLED),
            new Transition<>(SUBMITTED, REJECT, REJECTED),
            new Transition<>(SUBMITTED, RETURN, RETURNED),

            new Transition<>(ACCEPTED, SETTLE, SETTLED),
            new Transition<>(ACCEPTED, REJECT, REJECTED),
            new Transition<>(ACCEPTED, RETURN, RETURNED),

            // settled on its date without waiting for the bank: a late reject or a return still takes the money back
            new Transition<>(SETTLED, REJECT, REJECTED),
            new Transition<>(SETTLED, RETURN, RETURNED)));

    private CollectionLifecycle() {
    }
}
