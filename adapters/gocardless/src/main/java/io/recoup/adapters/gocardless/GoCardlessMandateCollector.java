package io.recoup.adapters.gocardless;

import com.gocardless.resources.Payment;
import com.gocardless.services.PaymentService.PaymentCreateRequest;
import io.recoup.core.money.Money;
import io.recoup.core.port.MandateCollector;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderUnavailable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects an item by {@code POST /payments} against the customer's GoCardless mandate: its amount and currency, the
 * charge date wanted (else GoCardless's earliest), our item in the metadata (so its {@code confirmed} event pays that
 * item and no other) and the request's idempotency key (a second ask after a timeout or crash returns the payment made
 * the first time). A refusal for good (the mandate is cancelled, a validation error) is
 * {@link MandateCollector.CollectionRefused}; no answer, 429 or 5xx is {@link ProviderUnavailable}.
 */
final class GoCardlessMandateCollector implements MandateCollector {
    private final GoCardlessApi api;

    GoCardlessMandateCollector(GoCardlessApi api) {
        this.api = api;
    }

    @Override
    public String provider() {
        return GoCardlessApi.PROVIDER;
    }

    @Override
    public CollectedPayment collect(CollectionRequest request) {
        Map<String, String> metadata = GoCardlessMetadata.payment("collection " + request.idempotencyKey(),
                List.of(new PaymentEffect.ItemShare(request.item(), request.amount()))).orElseThrow(() -> new CollectionRefused(
                provider(), request.item() + ": its key is too long for GoCardless's metadata", null));
        PaymentCreateRequest.Currency currency;
        try {
            currency = PaymentCreateRequest.Currency.valueOf(request.amount().currencyCode());
        } catch (IllegalArgumentException e) {
            throw new CollectionRefused(provider(), "GoCardless does not collect " + request.amount().currencyCode(), e);
        }
        try {
            Payment payment = api.call("POST /payments", c -> {
                PaymentCreateRequest create = c.payments().create().withAmount(minorUnits(request.amount())).withCurrency(currency)
                        .withLinksMandate(request.mandateId()).withMetadata(metadata).withDescription(request.reference())
                        .withIdempotencyKey(request.idempotencyKey());
                request.chargeDate().ifPresent(d -> create.withChargeDate(d.toString()));
                return create.execute();
            });
            return new CollectedPayment(payment.getId(), payment.getStatus() == null ? "unknown"
                    : payment.getStatus().name().toLowerCase(Locale.ROOT), LocalDate.parse(payment.getChargeDate()));
        } catch (GoCardlessApi.Failure e) {
            if (e.passing()) {
                throw new ProviderUnavailable(provider(), e.getMessage(), e.getCause());
            }
            throw new CollectionRefused(provider(), e.getMessage(), e.getCause());
        }
    }

    /** GoCardless counts in the currency's minor unit (cents). */
    static int minorUnits(Money amount) {
        return amount.amount().movePointRight(Math.max(amount.currency().getDefaultFractionDigits(), 0)).intValueExact();
    }
}
