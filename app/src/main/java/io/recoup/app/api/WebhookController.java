package io.recoup.app.api;

import io.recoup.app.PaymentProviders;
import io.recoup.core.port.WebhookVerdict;
import io.recoup.core.port.WebhookVerifier;
import io.recoup.store.Database;
import io.recoup.store.receive.ProviderEvents;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment providers' webhooks, {@code POST /webhooks/<provider>}, open without a login (the signature is the
 * credential). The raw body is verified before anything is parsed; a verified delivery is stored once per event id and
 * answered 200 at once (a duplicate too), the worker applies it later. Malformed: 400; forged or stale: 403; a provider
 * that is not configured: 404. Refusals carry no body and change nothing; their reason goes to the DEBUG log only.
 */
@RestController
public class WebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final PaymentProviders providers;
    private final ProviderEvents events;

    public WebhookController(PaymentProviders providers, Database db) {
        this.providers = providers;
        this.events = new ProviderEvents(db);
    }

    @PostMapping("/webhooks/{provider}")
    public ResponseEntity<Void> receive(@PathVariable String provider, @RequestHeader HttpHeaders headers,
                                        @RequestBody(required = false) byte[] body) {
        Optional<WebhookVerifier> verifier = providers.webhooks(provider);
        if (verifier.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        WebhookVerdict verdict = verifier.get().verify(name -> Optional.ofNullable(headers.getFirst(name)),
                body == null ? new byte[0] : body);
        if (verdict instanceof WebhookVerdict.Accepted accepted) {
            // one statement, no transaction around it: one round trip to PostgreSQL before the 200
            int stored = events.recordAll(accepted.events());
            LOG.debug("{} webhook: {} events, {} new", provider, accepted.events().size(), stored);
            return ResponseEntity.ok().build();
        }
        if (verdict instanceof WebhookVerdict.Malformed malformed) {
            LOG.debug("{} webhook refused as malformed: {}", provider, malformed.reason());
            return ResponseEntity.badRequest().build();
        }
        LOG.debug("{} webhook refused: {}", provider, ((WebhookVerdict.Refused) verdict).reason());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
}
