package io.recoup.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookDeliveryLifecycleTest extends LifecycleTableContract<WebhookDeliveryStatus, WebhookDeliveryMove> {

    WebhookDeliveryLifecycleTest() {
        super(WebhookDeliveryLifecycle.TABLE, WebhookDeliveryMove.class,
                s -> s == WebhookDeliveryStatus.DELIVERED || s == WebhookDeliveryStatus.CANCELLED);
    }

    @Test
    void countsADeliveryFoundDeliveredAsAlreadyDeliveredButRedeliversOnlyWhatWasParked() {
        assertThat(WebhookDeliveryLifecycle.TABLE.alreadyApplied(WebhookDeliveryStatus.DELIVERED, WebhookDeliveryMove.DELIVER)).isTrue();
        assertThat(WebhookDeliveryLifecycle.TABLE.allows(WebhookDeliveryStatus.DELIVERED, WebhookDeliveryMove.REDELIVER)).isFalse();
    }
}
