package io.recoup.app.api;

import io.recoup.core.lifecycle.WebhookDeliveryStatus;
import io.recoup.core.webhook.OutboundEvent;
import io.recoup.store.webhook.WebhookDeliveries;
import io.recoup.store.webhook.WebhookSubscriptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outbound webhooks for the teams that connect Recoup to their other tools: an admin subscribes a URL to event types
 * (the secret it is signed with is in the answer once, on create and on rotation, and never again), lists and deletes
 * subscriptions; everyone who reads sees the deliveries with their outcome, and finance sends a parked one again.
 * Every change is in the audit log, without the secret.
 */
@RestController
public class OutboundWebhookController {
    static final int MAX_URL = 2_000;
    private static final String SHOWN_ONCE = "shown only now: Recoup keeps it sealed and never shows it again";

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final AuditTrail audit;
    private final Duration rotationOverlap;

    public OutboundWebhookController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, AuditTrail audit,
                                     @Value("${recoup.outbound-webhooks.rotation-overlap:24h}") Duration rotationOverlap) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.audit = audit;
        this.rotationOverlap = rotationOverlap;
    }

    /** A subscription to make: where to, which event types, and a note for people. */
    record SubscriptionRequest(String url, List<String> events, String description) {}

    @GetMapping("/api/webhook-subscriptions")
    public Map<String, Object> subscriptions() {
        return Map.of("subscriptions", subscriptions.live(), "eventTypes", OutboundEvent.TYPES);
    }

    @PostMapping("/api/webhook-subscriptions")
    public ResponseEntity<Map<String, Object>> subscribe(@RequestBody SubscriptionRequest body, Principal who) {
        RequestChecks check = new RequestChecks(null);
        String url = url(check, body.url());
        List<String> events = events(check, body.events());
        String description = body.description() == null ? null : check.text(body.description(), "description", 200);
        check.refuseIfAny();
        WebhookSubscriptions.WithSecret made = audit.change(who, "webhook.subscribe", "webhook subscription to " + URI.create(url).getHost(),
                () -> subscriptions.live().stream().filter(s -> s.url().equals(url)).toList(),
                () -> subscriptions.create(url, events, description == null ? null : description.strip(), who.getName()));
        return ResponseEntity.status(HttpStatus.CREATED).body(withSecret(made));
    }

    @DeleteMapping("/api/webhook-subscriptions/{id}")
    public Map<String, Object> unsubscribe(@PathVariable long id, Principal who) {
        existing(id);
        audit.change(who, "webhook.unsubscribe", "webhook subscription " + id, () -> subscriptions.find(id).orElse(null),
                () -> subscriptions.delete(id, who.getName()));
        return Map.of("id", id, "deleted", true);
    }

    @PostMapping("/api/webhook-subscriptions/{id}/rotate-secret")
    public Map<String, Object> rotate(@PathVariable long id, Principal who) {
        existing(id);
        WebhookSubscriptions.WithSecret rotated = audit.change(who, "webhook.rotate-secret", "webhook subscription " + id,
                () -> subscriptions.find(id).orElse(null), () -> subscriptions.rotate(id, rotationOverlap)
                        .orElseThrow(() -> new NotFound("no webhook subscription " + id)));
        return withSecret(rotated);
    }

    @GetMapping("/api/webhook-deliveries")
    public Map<String, Object> deliveries(@RequestParam(required = false) Long subscription, @RequestParam(required = false) String status,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        RequestChecks check = new RequestChecks(null);
        Page p = Page.of(check, page, size);
        WebhookDeliveryStatus wanted = status == null ? null : check.oneOf(WebhookDeliveryStatus.class, status, "status");
        check.refuseIfAny();
        return p.body("deliveries", deliveries.page(subscription, wanted, (int) p.offset(), p.limit()));
    }

    @PostMapping("/api/webhook-deliveries/{id}/redeliver")
    public Map<String, Object> redeliver(@PathVariable long id, Principal who) {
        WebhookDeliveries.Shown delivery = deliveries.find(id).orElseThrow(() -> new NotFound("no webhook delivery " + id));
        if (!WebhookDeliveryStatus.PARKED.name().equals(delivery.status())) {
            throw new Conflict("webhook delivery " + id + " is " + delivery.status() + "; only a parked delivery is sent again");
        }
        audit.change(who, "webhook.redeliver", "webhook delivery " + id, () -> deliveries.find(id).orElse(null), () -> {
            if (!deliveries.redeliver(id, who.getName())) {
                throw new Conflict("webhook delivery " + id + " was sent again meanwhile");
            }
        });
        return Map.of("id", id, "status", WebhookDeliveryStatus.PENDING.name());
    }

    private void existing(long id) {
        subscriptions.find(id).orElseThrow(() -> new NotFound("no webhook subscription " + id));
    }

    private static Map<String, Object> withSecret(WebhookSubscriptions.WithSecret made) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscription", made.subscription());
        answer.put("secret", made.secret());
        answer.put("note", SHOWN_ONCE);
        return answer;
    }

    private static String url(RequestChecks check, String given) {
        String url = check.text(given, "url", MAX_URL);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                check.refuse("url", "'" + RequestChecks.shortened(url) + "' is not an absolute http or https URL");
            } else if (uri.getUserInfo() != null) {
                check.refuse("url", "carries a user and password; the signature is the receiver's proof, put no credentials in the URL");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            check.refuse("url", "is not a URL: " + e.getReason());
            return null;
        }
    }

    private static List<String> events(RequestChecks check, List<String> given) {
        List<String> names = check.required(given, "events");
        Set<String> events = new LinkedHashSet<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !OutboundEvent.TYPES.contains(name.strip())) {
                check.refuse("events[" + i + "]", "'" + RequestChecks.shortened(String.valueOf(name)) + "' is not one of "
                        + String.join(", ", OutboundEvent.TYPES));
            } else {
                events.add(name.strip());
            }
        }
        if (names != null && names.isEmpty()) {
            check.refuse("events", "at least one event type is needed");
        }
        return List.copyOf(events);
    }
}
