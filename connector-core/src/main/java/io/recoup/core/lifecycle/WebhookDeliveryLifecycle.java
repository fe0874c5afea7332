package io.recoup.core.lifecycle;

import static io.recoup.core.lifecycle.WebhookDeliveryStatus.CANCELLED;
import static io.recoup.core.lifecycle.WebhookDeliveryStatus.DELIVERED;
import static io.recoup.core.lifecycle.WebhookDeliveryStatus.PARKED;
import static io.recoup.core.lifecycle.WebhookDeliveryStatus.PENDING;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;

/**
 * The lifecycle of one outbound webhook delivery (one event for one subscription): delivered once, or parked with its
 * reason when the receiver refuses it for good or the attempts run out, and sent again only by a person. A failed
 * attempt that will be tried again is no move: the delivery stays pending with a later due time.
 */
public final class WebhookDeliveryLifecycle {
    public static final Lifecycle<WebhookDeliveryStatus, WebhookDeliveryMove> TABLE = Lifecycle.of("webhook delivery", PENDING,
            List.of(new Transition<>(PENDING, WebhookDeliveryMove.DELIVER, DELIVERED),
                    new Transition<>(PENDING, WebhookDeliveryMove.PARK, PARKED),
                    new Transition<>(PARKED, WebhookDeliveryMove.REDELIVER, PENDING),
                    new Transition<>(PENDING, WebhookDeliveryMove.CANCEL, CANCELLED),
                    new Transition<>(PARKED, WebhookDeliveryMove.CANCEL, CANCELLED)));

    private WebhookDeliveryLifecycle() {
    }
}
