package io.recoup.adapters.gocardless;

import com.gocardless.resources.BillingRequest;
import com.gocardless.resources.BillingRequestFlow;
import com.gocardless.services.BillingRequestService.BillingRequestCreateRequest;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentLinkUnavailable;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GoCardless link a reminder offers to customers without a mandate: a Billing Request for a SEPA Core mandate
 * (with, when configured, a {@code payment_request} for the notice's amount as an instant first payment) and a Billing
 * Request Flow for it, whose {@code authorisation_url} is the link. The billing request is made with the notice's
 * idempotency key, so asking again after a failure or a crash finds the one made the first time (GoCardless answers 409
 * {@code idempotent_creation_conflict}, the SDK fetches it); a flow is cheap and may be made again for it. Our
 * customer key goes into the mandate's and the request's metadata, so the mandate's events name the customer.
 */
final class GoCardlessPaymentLinkIssuer implements PaymentLinkIssuer {
    private final GoCardlessApi api;
    private final boolean instantFirstPayment;
    private final Optional<String> redirectUri;
    private final Optional<String> exitUri;

    GoCardlessPaymentLinkIssuer(GoCardlessApi api, boolean instantFirstPayment, Optional<String> redirectUri,
                                Optional<String> exitUri) {
        this.api = api;
        this.instantFirstPayment = instantFirstPayment;
        this.redirectUri = redirectUri;
        this.exitUri = exitUri;
    }

    @Override
    public String provider() {
        return GoCardlessApi.PROVIDER;
    }

    /** The flow sets up a mandate, which outlives the notice's items: an expired one is not made again when opened. */
    @Override
    public boolean chargesItems() {
        return false;
    }

    @Override
    public PaymentLink issue(LinkRequest request) {
        try {
            BillingRequest billing = api.call("POST /billing_requests", c -> billingRequest(c.billingRequests().create(), request)
                    .withIdempotencyKey(request.idempotencyKey()).execute());
            BillingRequestFlow flow = api.call("POST /billing_request_flows", c -> {
                var create = c.billingRequestFlows().create().withLinksBillingRequest(billing.getId());
                redirectUri.ifPresent(create::withRedirectUri);
                exitUri.ifPresent(create::withExitUri);
                return create.execute();
            });
            if (flow.getAuthorisationUrl() == null || flow.getId() == null) {
                throw new PaymentLinkUnavailable(provider(), "the billing request flow came without an authorisation_url", null);
            }
            return new PaymentLink(provider(), flow.getId(), URI.create(flow.getAuthorisationUrl()),
                    expiry(flow.getExpiresAt()).filter(t -> t.isBefore(request.expiresAt())).orElse(request.expiresAt()));
        } catch (GoCardlessApi.Failure e) {
            throw new PaymentLinkUnavailable(provider(), e.getMessage(), e.getCause());
        }
    }

    private BillingRequestCreateRequest billingRequest(BillingRequestCreateRequest create, LinkRequest request) {
        String currency = request.amount().currencyCode();
        Map<String, String> mandateMetadata = new LinkedHashMap<>();
        Optional.ofNullable(request.customer()).ifPresent(c -> mandateMetadata.put(GoCardlessMetadata.CUSTOMER, c));
        create.withMandateRequestCurrency(currency).withMandateRequestScheme("sepa_core")
                .withMandateRequestMetadata(mandateMetadata);
        Map<String, String> metadata = new LinkedHashMap<>(mandateMetadata);
        metadata.put(GoCardlessMetadata.NOTICE, request.notice());
        create.withMetadata(metadata);
        if (instantFirstPayment && !request.items().isEmpty()) {
            // an instant payment for more items than the metadata can name is left out: the mandate alone still helps
            GoCardlessMetadata.payment(request.notice(), request.items()).ifPresent(m -> create
                    .withPaymentRequestAmount(GoCardlessMandateCollector.minorUnits(request.amount()))
                    .withPaymentRequestCurrency(currency).withPaymentRequestDescription(request.description())
                    .withPaymentRequestMetadata(m));
        }
        return create;
    }

    private static Optional<Instant> expiry(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
