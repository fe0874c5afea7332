package io.recoup.app.api;

import io.recoup.adapters.twilio.TwilioCallbacks;
import io.recoup.adapters.twilio.TwilioSignature;
import io.recoup.adapters.twilio.Twiml;
import io.recoup.adapters.whatsapp.WhatsAppWebhook;
import io.recoup.core.policy.Channel;
import io.recoup.core.text.Masked;
import io.recoup.routes.dispatch.DeliveryFeedback;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The message providers' callbacks, open without a login like the payment webhooks (the signature is the
 * credential), each verified before anything in it is read: Twilio's status callbacks ({@code POST /webhooks/twilio},
 * {@code X-Twilio-Signature} over the public URL and the form) and the digit a callee pressed
 * ({@code POST /webhooks/twilio-connect}, answered with TwiML); WhatsApp's subscription handshake
 * ({@code GET /webhooks/whatsapp}) and deliveries ({@code POST /webhooks/whatsapp}, {@code X-Hub-Signature-256} over
 * the raw body). A verified report goes to {@link DeliveryFeedback} (stored once however often it comes); a forged
 * or unsigned one is refused with 403 and changes nothing; a provider that is not configured is 404.
 */
@RestController
public class ChannelWebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelWebhookController.class);

    private final ChannelCallbacks callbacks;
    private final DeliveryFeedback feedback;
    private final Clock clock;

    public ChannelWebhookController(ChannelCallbacks callbacks, DeliveryFeedback feedback, Clock clock) {
        this.callbacks = callbacks;
        this.feedback = feedback;
        this.clock = clock;
    }

    /**
     * What the controller needs of the providers' settings: Twilio's auth token, the public URL it calls, and the
     * number a pressed 1 connects to; WhatsApp's webhook. Empty where the provider is not configured.
     */
    public record ChannelCallbacks(Optional<TwilioSignature> twilio, String publicBase, Optional<String> connectTo,
                                   Optional<WhatsAppWebhook> whatsapp) {}

    @PostMapping("/webhooks/twilio")
    public ResponseEntity<Void> twilioStatus(HttpServletRequest request,
                                             @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        return withTwilioForm(request, signature, form -> {
            TwilioCallbacks.read(form, clock.instant()).ifPresent(report -> LOG.debug("twilio report {}: {}",
                    report.providerMessageId(), feedback.apply(report)));
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping(value = "/webhooks/twilio-connect", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<String> twilioConnect(HttpServletRequest request,
                                                @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        return withTwilioForm(request, signature,
                form -> ResponseEntity.ok(Twiml.afterDigits(form.getOrDefault("Digits", ""), callbacks.connectTo())));
    }

    /** {@code then} with the verified form; 404 when Twilio is not configured, 403 when the signature does not hold. */
    private <T> ResponseEntity<T> withTwilioForm(HttpServletRequest request, String signature,
                                                 Function<Map<String, String>, ResponseEntity<T>> then) {
        if (callbacks.twilio().isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return verifiedTwilioForm(request, signature).map(then)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
    }

    /** The form when its signature holds, else empty. */
    private Optional<Map<String, String>> verifiedTwilioForm(HttpServletRequest request, String signature) {
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
        String query = request.getQueryString();
        // Twilio signs the URL it called, with its query, and only the POST parameters: the query's are taken out again
        if (query != null) {
            for (String pair : query.split("&")) {
                form.remove(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        String url = callbacks.publicBase() + request.getRequestURI() + (query == null ? "" : "?" + query);
        if (!callbacks.twilio().get().verifies(url, form, signature)) {
            LOG.debug("twilio callback to {} refused: the signature does not match", request.getRequestURI());
            return Optional.empty();
        }
        return Optional.of(form);
    }

    @GetMapping("/webhooks/whatsapp")
    public ResponseEntity<String> whatsAppHandshake(@RequestParam(name = "hub.mode", required = false) String mode,
                                                    @RequestParam(name = "hub.verify_token", required = false) String token,
                                                    @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (callbacks.whatsapp().isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return callbacks.whatsapp().get().handshake(mode, token, challenge).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
    }

    @PostMapping("/webhooks/whatsapp")
    public ResponseEntity<Void> whatsApp(@RequestBody(required = false) byte[] body,
                                         @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
        if (callbacks.whatsapp().isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        WhatsAppWebhook webhook = callbacks.whatsapp().get();
        byte[] raw = body == null ? new byte[0] : body;
        if (!webhook.verifies(raw, signature)) {
            LOG.debug("whatsapp webhook refused: the signature does not match");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        WhatsAppWebhook.Delivery delivery;
        try {
            delivery = webhook.read(raw);
        } catch (IllegalArgumentException e) {
            LOG.debug("whatsapp webhook refused as malformed: {}", e.getMessage());
            return ResponseEntity.badRequest().build();
        }
        List<DeliveryFeedback.Outcome> outcomes = feedback.apply(delivery.statuses());
        for (String phone : delivery.stopRequestsFrom()) {
            int customers = feedback.optOut(phone, Channel.WHATSAPP);
            LOG.info("whatsapp STOP from {}: {} customer(s) opted out of whatsapp", Masked.phone(phone), customers);
        }
        LOG.debug("whatsapp webhook: {} status(es) {}, {} stop request(s)", delivery.statuses().size(), outcomes,
                delivery.stopRequestsFrom().size());
        return ResponseEntity.ok().build();
    }
}
