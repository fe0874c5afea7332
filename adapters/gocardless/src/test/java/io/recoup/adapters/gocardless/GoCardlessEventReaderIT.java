package io.recoup.adapters.gocardless;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.core.port.ProviderUnavailable;
import io.recoup.core.port.SourceSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stored GoCardless events read into effects, the payment or mandate each names fetched from WireMock. */
class GoCardlessEventReaderIT {
    private static final Map<String, String> OURS = Map.of("recoup_notice", "77",
            "recoup_items", "csv|INV-1|100.00;bc%7Ceu|SO%7C42|19.50");
    private WireMockServer gocardless;
    private ProviderEventReader reader;

    @BeforeEach
    void start() {
        gocardless = new WireMockServer(options().dynamicPort());
        gocardless.start();
        reader = new GoCardlessPaymentProvider().events(new SourceSettings("gocardless", Map.of("webhook-secrets", "s",
                "access-token", "sandbox_reader", "api-base", gocardless.baseUrl(), "timeout", "5s")));
    }

    @AfterEach
    void stop() {
        gocardless.stop();
    }

    private void payment(String id, String status, Map<String, String> metadata) {
        gocardless.stubFor(get(urlPathEqualTo("/payments/" + id)).willReturn(okJson(GoCardlessFixtures.payment(id,
                Map.of("status", status, "amount", 11950, "currency", "EUR", "metadata", metadata)))));
    }

    private PaymentEffect read(String resource, String action, Map<String, String> links) {
        return reader.read(GoCardlessFixtures.event("EV" + action.toUpperCase(), resource, action, links));
    }

    @Test
    void aConfirmedPaymentIsPaidForTheItemsInOurMetadataAtThePaymentsOwnAmount() {
        payment("PM001", "confirmed", OURS);

        assertThat(read("payments", "confirmed", Map.of("payment", "PM001"))).isEqualTo(new PaymentEffect.Paid("PM001",
                Money.of("119.50", "EUR"), "77", List.of(
                        new PaymentEffect.ItemShare(new OpenItemKey("csv", "INV-1"), Money.of("100.00", "EUR")),
                        new PaymentEffect.ItemShare(new OpenItemKey("bc|eu", "SO|42"), Money.of("19.50", "EUR"))),
                Instant.parse("2026-12-01T09:00:00Z")));
        gocardless.verify(getRequestedFor(urlPathEqualTo("/payments/PM001")).withHeader("Authorization", equalTo("Bearer sandbox_reader"))
                .withHeader("GoCardless-Version", equalTo("2015-07-06")));
    }

    @Test
    void aPaidOutPaymentNamesTheSamePaymentSoItsReceiptIsTheSame() {
        payment("PM001", "paid_out", OURS);

        assertThat(read("payments", "paid_out", Map.of("payment", "PM001", "payout", "PO9")))
                .isInstanceOfSatisfying(PaymentEffect.Paid.class, p -> assertThat(p.paymentId()).isEqualTo("PM001"));
    }

    @Test
    void aConfirmedEventOfAPaymentThatFailedSinceIsIgnoredAsItsOwnEventUndoesIt() {
        payment("PM001", "failed", OURS);

        assertThat(read("payments", "confirmed", Map.of("payment", "PM001"))).isInstanceOfSatisfying(PaymentEffect.Ignored.class,
                i -> assertThat(i.reason()).contains("is failed now"));
    }

    @Test
    void aPaymentWithoutOurMetadataIsNotOursAndBrokenMetadataCannotBeRead() {
        payment("PM002", "confirmed", Map.of());
        payment("PM003", "confirmed", Map.of("recoup_notice", "77", "recoup_items", "INV-1"));

        assertThat(read("payments", "confirmed", Map.of("payment", "PM002"))).isEqualTo(
                new PaymentEffect.Ignored("payment PM002 carries no Recoup notice: not ours"));
        assertThatThrownBy(() -> read("payments", "confirmed", Map.of("payment", "PM003")))
                .isInstanceOfSatisfying(RecoupException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROVIDER_EVENT))
                .hasMessageContaining("recoup_items");
    }

    @Test
    void aFailedChargedBackOrLateFailureSettledPaymentIsUndoneWithTheBanksReason() {
        for (String action : List.of("failed", "charged_back", "late_failure_settled")) {
            assertThat(read("payments", action, Map.of("payment", "PM001"))).as(action)
                    .isInstanceOfSatisfying(PaymentEffect.Undone.class, u -> {
                        assertThat(u.paymentId()).isEqualTo("PM001");
                        assertThat(u.amount()).isNull();
                        assertThat(u.reason()).contains("ADDACS-B");
                    });
        }
        gocardless.verify(0, getRequestedFor(urlPathEqualTo("/payments/PM001")));
    }

    @Test
    void aMandateEventIsTheMandatesStatusNowForTheCustomerInItsMetadataOrItsCustomers() {
        gocardless.stubFor(get(urlPathEqualTo("/mandates/MD001")).willReturn(okJson(GoCardlessFixtures.mandate("MD001",
                Map.of("status", "active", "metadata", Map.of("recoup_customer", "csv|C-001"))))));
        gocardless.stubFor(get(urlPathEqualTo("/mandates/MD002")).willReturn(okJson(GoCardlessFixtures.mandate("MD002",
                Map.of("status", "cancelled", "metadata", Map.of(), "links", Map.of("customer", "CU002"))))));
        gocardless.stubFor(get(urlPathEqualTo("/customers/CU002")).willReturn(okJson(
                "{\"customers\":{\"id\":\"CU002\",\"metadata\":{\"recoup_customer\":\"csv|C-002\"}}}")));

        assertThat(read("mandates", "active", Map.of("mandate", "MD001"))).isInstanceOfSatisfying(PaymentEffect.MandateChanged.class, m -> {
            assertThat(m).extracting(PaymentEffect.MandateChanged::mandateId, PaymentEffect.MandateChanged::customer,
                    PaymentEffect.MandateChanged::status).containsExactly("MD001", "csv|C-001", "active");
            assertThat(m.active()).isTrue();
        });
        assertThat(read("mandates", "cancelled", Map.of("mandate", "MD002"))).isInstanceOfSatisfying(PaymentEffect.MandateChanged.class,
                m -> assertThat(m.reason()).isEqualTo("mandate MD002 cancelled (bank_account_disabled, ADDACS-B, Customer's bank account closed)"));
    }

    @Test
    void aPayoutIsGoCardlessesSettlementNotACustomersPaymentAndOtherTypesAreIgnored() {
        assertThat(read("payouts", "paid", Map.of("payout", "PO123"))).isInstanceOfSatisfying(PaymentEffect.Ignored.class,
                i -> assertThat(i.reason()).startsWith("payout PO123 paid").contains("net of its fees"));
        assertThat(read("subscriptions", "created", Map.of("subscription", "SB1")))
                .isEqualTo(new PaymentEffect.Ignored("GoCardless event type subscriptions.created is not followed"));
    }

    @Test
    void aGoCardlessThatCannotBeAskedNowLeavesTheEventWaitingWhileAnUnknownPaymentCannotBeRead() {
        gocardless.stubFor(get(urlPathEqualTo("/payments/PM500")).willReturn(aResponse().withStatus(500)));
        gocardless.stubFor(get(urlPathEqualTo("/payments/PM429")).willReturn(aResponse().withStatus(429).withHeader("Content-Type",
                "application/json").withBody("{\"error\":{\"type\":\"invalid_api_usage\",\"code\":429,\"message\":\"Rate limit exceeded\","
                        + "\"errors\":[{\"reason\":\"rate_limit_exceeded\",\"message\":\"Rate limit exceeded\"}]}}")));
        gocardless.stubFor(get(urlPathEqualTo("/payments/PM404")).willReturn(aResponse().withStatus(404).withHeader("Content-Type",
                "application/json").withBody("{\"error\":{\"type\":\"invalid_api_usage\",\"code\":404,\"message\":\"Resource not found\","
                        + "\"errors\":[{\"reason\":\"resource_not_found\",\"message\":\"Resource not found\"}]}}")));

        assertThatThrownBy(() -> read("payments", "confirmed", Map.of("payment", "PM500"))).isInstanceOf(ProviderUnavailable.class);
        assertThatThrownBy(() -> read("payments", "confirmed", Map.of("payment", "PM429"))).isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("429").hasMessageNotContaining("sandbox_reader");
        assertThatThrownBy(() -> read("payments", "confirmed", Map.of("payment", "PM404")))
                .isInstanceOfSatisfying(RecoupException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROVIDER_EVENT))
                .hasMessageContaining("resource_not_found");
    }
}
