package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentProvidersTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void withNoProviderBlockNoWebhookIsTakenAndNothingIsRead() {
        PaymentProviders none = PaymentProviders.from(Map.of("process-every", 2000, "catch-up-every", 900000), CLOCK);

        assertThat(none.webhooks("stripe")).isEmpty();
        assertThat(none.readers()).isEmpty();
        assertThat(none.feeds()).isEmpty();
    }

    @Test
    void aStripeBlockTakesItsWebhooksAndReadsItsEventsListingThemOnlyWithAnApiKey() {
        PaymentProviders webhooksOnly = PaymentProviders.from(Map.of("stripe", Map.of("webhook-secrets", Map.of("0", "whsec_a",
                "1", "whsec_b"))), CLOCK);
        PaymentProviders withKey = PaymentProviders.from(Map.of("stripe", Map.of("webhook-secrets", "whsec_a", "api-key", "rk_x")), CLOCK);

        assertThat(webhooksOnly.webhooks("stripe")).isPresent();
        assertThat(webhooksOnly.readers()).containsOnlyKeys("stripe");
        assertThat(webhooksOnly.feeds()).isEmpty();
        assertThat(withKey.feeds()).containsOnlyKeys("stripe");
    }

    @Test
    void aGoCardlessBlockBesideStripeTakesItsWebhooksReadsItsEventsAndListsMissedOnesForTheCatchUpOfBoth() {
        PaymentProviders both = PaymentProviders.from(Map.of("stripe", Map.of("webhook-secrets", "whsec_a", "api-key", "rk_x"),
                "gocardless", Map.of("webhook-secrets", "gc_a", "access-token", "sandbox_x")), CLOCK);

        assertThat(both.webhooks("gocardless")).isPresent();
        assertThat(both.webhooks("stripe")).isPresent();
        assertThat(both.readers()).containsOnlyKeys("stripe", "gocardless");
        assertThat(both.feeds()).as("the catch-up job lists missed events from each").containsOnlyKeys("stripe", "gocardless");
    }

    @Test
    void refusesToStartWithAnUnknownProviderOrAStripeBlockWithoutSecretsNamingTheSetting() {
        assertThatThrownBy(() -> PaymentProviders.from(Map.of("paypal", Map.of("x", "y")), CLOCK))
                .isInstanceOf(ConfigurationRefused.class).hasMessageContaining("recoup.payments.paypal").hasMessageContaining("stripe");
        assertThatThrownBy(() -> PaymentProviders.from(Map.of("stripe", Map.of("api-key", "rk_x")), CLOCK))
                .isInstanceOf(ConfigurationRefused.class).hasMessageContaining("recoup.payments.stripe.webhook-secrets");
    }
}
