package io.recoup.adapters.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gocardless.GoCardlessClient;
import com.gocardless.resources.Mandate;
import com.gocardless.resources.Payment;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.core.port.ProviderUnavailable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads stored GoCardless events into payment effects. State comes from the object, not from the event's order: a
 * payment {@code confirmed} or {@code paid_out} is fetched, and is {@link PaymentEffect.Paid} for the items in our
 * metadata at the payment's own amount only while GoCardless still has it confirmed or paid out (the receipt is keyed
 * by the payment id, so {@code paid_out} after {@code confirmed} makes no second one); {@code failed},
 * {@code charged_back}, {@code late_failure_settled} and {@code cancelled} undo it. A mandate event is fetched too and
 * becomes {@link PaymentEffect.MandateChanged} with the mandate's status now, for the customer our metadata names.
 * Payouts are GoCardless's settlement to us (their amount is net of fees), never a customer's payment: ignored with
 * the payout named. A GoCardless that cannot be asked now is {@link ProviderUnavailable}: the event waits.
 */
final class GoCardlessEventReader implements ProviderEventReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNDOING = Set.of("failed", "charged_back", "late_failure_settled", "cancelled",
            "customer_approval_denied");
    private static final Set<Payment.Status> STANDING = Set.of(Payment.Status.CONFIRMED, Payment.Status.PAID_OUT);

    private final GoCardlessApi api;

    GoCardlessEventReader(GoCardlessApi api) {
        this.api = api;
    }

    @Override
    public PaymentEffect read(ProviderEvent event) {
        JsonNode node = parse(event);
        String action = node.path("action").asText();
        return switch (node.path("resource_type").asText()) {
            case "payments" -> payment(event, node, action);
            case "mandates" -> mandate(event, node, action);
            case "payouts" -> new PaymentEffect.Ignored("payout " + link(node, "payout").orElse("?") + " " + action
                    + ": GoCardless's settlement to us, net of its fees; each payment in it was recorded at its own amount");
            default -> new PaymentEffect.Ignored("GoCardless event type " + event.type() + " is not followed");
        };
    }

    private PaymentEffect payment(ProviderEvent event, JsonNode node, String action) {
        String id = link(node, "payment").orElseThrow(() -> invalid(event, "links.payment is missing"));
        if (UNDOING.contains(action)) {
            return new PaymentEffect.Undone(id, null, "payment " + id + " " + action.replace('_', ' ') + why(node));
        }
        if (action.equals("chargeback_cancelled")) {
            return new PaymentEffect.NeedsAPerson(id, "the chargeback of payment " + id + " was cancelled" + why(node)
                    + ": the payment stands again, a person applies it again");
        }
        if (!action.equals("confirmed") && !action.equals("paid_out")) {
            return new PaymentEffect.Ignored("payment " + id + " " + action + ": not followed");
        }
        Payment payment = fetch(event, "GET /payments/" + id, c -> c.payments().get(id).execute());
        Optional<String> notice = GoCardlessMetadata.notice(payment.getMetadata());
        if (notice.isEmpty()) {
            return new PaymentEffect.Ignored("payment " + id + " carries no Recoup notice: not ours");
        }
        if (!STANDING.contains(payment.getStatus())) {
            return new PaymentEffect.Ignored("payment " + id + " is " + name(payment.getStatus()) + " now, no longer confirmed: "
                    + "its own event undoes it");
        }
        try {
            Currency currency = Money.currencyOf(String.valueOf(payment.getCurrency()));
            Money amount = Money.of(BigDecimal.valueOf(payment.getAmount(), Math.max(currency.getDefaultFractionDigits(), 0)),
                    currency);
            return new PaymentEffect.Paid(id, amount, notice.get(), GoCardlessMetadata.items(payment.getMetadata(), currency),
                    event.created());
        } catch (IllegalArgumentException | NullPointerException | RecoupException e) {
            throw invalid(event, "payment " + id + ": " + e.getMessage());
        }
    }

    private PaymentEffect mandate(ProviderEvent event, JsonNode node, String action) {
        String id = link(node, "mandate").orElseThrow(() -> invalid(event, "links.mandate is missing"));
        Mandate mandate = fetch(event, "GET /mandates/" + id, c -> c.mandates().get(id).execute());
        Optional<String> customer = GoCardlessMetadata.customer(mandate.getMetadata());
        if (customer.isEmpty() && mandate.getLinks() != null && mandate.getLinks().getCustomer() != null) {
            String gcCustomer = mandate.getLinks().getCustomer();
            customer = GoCardlessMetadata.customer(fetch(event, "GET /customers/" + gcCustomer,
                    c -> c.customers().get(gcCustomer).execute()).getMetadata());
        }
        if (customer.isEmpty()) {
            return new PaymentEffect.Ignored("mandate " + id + " names no Recoup customer: not set up through our link");
        }
        return new PaymentEffect.MandateChanged(id, customer.get(), name(mandate.getStatus()), "mandate " + id + " "
                + action.replace('_', ' ') + why(node));
    }

    private <T> T fetch(ProviderEvent event, String what, Function<GoCardlessClient, T> call) {
        try {
            return api.call(what, call);
        } catch (GoCardlessApi.Failure e) {
            if (e.passing()) {
                throw new ProviderUnavailable(GoCardlessApi.PROVIDER, e.getMessage(), e);
            }
            throw invalid(event, e.getMessage());
        }
    }

    /** The event's cause, bank reason code and description, as far as it gives them. */
    private static String why(JsonNode node) {
        JsonNode details = node.path("details");
        String text = Stream.of("cause", "reason_code", "description").map(k -> details.path(k).asText(""))
                .filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    private static String name(Enum<?> status) {
        return status == null ? "unknown" : status.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> link(JsonNode node, String name) {
        String id = node.path("links").path(name).asText("");
        return id.isBlank() ? Optional.empty() : Optional.of(id);
    }

    private static JsonNode parse(ProviderEvent event) {
        try {
            JsonNode node = JSON.readTree(event.payload());
            if (node == null || !node.isObject()) {
                throw invalid(event, "the stored event is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid(event, "the stored event is not JSON: " + e.getMessage());
        }
    }

    private static RecoupException invalid(ProviderEvent event, String reason) {
        return new RecoupException(ErrorCode.INVALID_PROVIDER_EVENT, event + ": " + reason);
    }
}
