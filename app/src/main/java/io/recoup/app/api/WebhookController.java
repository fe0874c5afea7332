package io.recoup.app.api;

import io.recoup.app.PaymentProviders;
import io.recoup.core.port.WebhookVerdict;
import io.recoup.core.port.WebhookVerifier;
import io.recoup.store.Database;
import io.recoup.store.receive.ProviderEventWriter;
import io.recoup.store.receive.ProviderEvents;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment providers' webhooks, {@code POST /webhooks/<provider>}, open without a login (the signature is the
 * credential). The raw body is verified before anything is parsed; a verified delivery is stored once per event id and
 * answered 200 (a duplicate too) as soon as the batch it shares with concurrent deliveries has committed (group commit
 * through {@link ProviderEventWriter}: one flush to disk for many deliveries, and 200 still means stored durably); the
 * worker applies it later. Not stored within {@link #STORE_WAIT} or the database failed: 503, and the provider sends it
 * again. Malformed: 400; forged or stale: 403; a provider that is not configured: 404. Refusals carry no body and change
 * nothing; their reason goes to the DEBUG log only.
 */
@RestController
public class WebhookController implements DisposableBean {
    /** How long a delivery waits for its batch to commit before it is answered 503. */
    static final Duration STORE_WAIT = Duration.ofSeconds(10);
    /**
     * One writer: while its batch is being flushed the next one forms. Two were no better in the webhooks bench (ratio
     * 0.42 and 0.43, one writer 0.48, 0.44, 0.40 on the same loaded machine): PostgreSQL flushes their commits one after
     * the other, each with a smaller batch.
     */
    private static final int WRITERS = 1;
    /** Events per INSERT: 7 parameters each stays far below PostgreSQL's 65,535. */
    private static final int BATCH_EVENTS = 500;
    /** Deliveries waiting for the writer beyond which a delivery is answered 503 at once. */
    private static final int QUEUED_DELIVERIES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final PaymentProviders providers;
    private final ProviderEventWriter writer;

    public WebhookController(PaymentProviders providers, Database db) {
        this.providers = providers;
        this.writer = new ProviderEventWriter(new ProviderEvents(db), WRITERS, BATCH_EVENTS, QUEUED_DELIVERIES);
    }

    /** The queued deliveries are written (or failed) before the database goes. */
    @Override
    public void destroy() throws InterruptedException {
        writer.close();
    }

    @PostMapping("/webhooks/{provider}")
    public ResponseEntity<Void> receive(@PathVariable String provider, HttpServletRequest request,
                                        @RequestBody(required = false) byte[] body) {
        Optional<WebhookVerifier> verifier = providers.webhooks(provider);
        if (verifier.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        // the one header a verifier asks for, read where it lies: no copy of all of them per delivery
        WebhookVerdict verdict = verifier.get().verify(name -> Optional.ofNullable(request.getHeader(name)),
                body == null ? new byte[0] : body);
        if (verdict instanceof WebhookVerdict.Accepted accepted) {
            return store(provider, accepted);
        }
        if (verdict instanceof WebhookVerdict.Malformed malformed) {
            LOG.debug("{} webhook refused as malformed: {}", provider, malformed.reason());
            return ResponseEntity.badRequest().build();
        }
        LOG.debug("{} webhook refused: {}", provider, ((WebhookVerdict.Refused) verdict).reason());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    private ResponseEntity<Void> store(String provider, WebhookVerdict.Accepted accepted) {
        try {
            writer.submit(accepted.events()).get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("{} webhook: {} events stored", provider, accepted.events().size());
            return ResponseEntity.ok().build();
        } catch (ExecutionException | TimeoutException notStored) {
            Throwable reason = notStored instanceof ExecutionException ? notStored.getCause() : notStored;
            // NotStored's message is the writer's own words; the database's message (which may quote the data) only at DEBUG
            LOG.warn("{} webhook not stored, answered 503 for the provider to send it again: {}", provider,
                    reason instanceof ProviderEventWriter.NotStored ? reason.getMessage() : "no commit within " + STORE_WAIT);
            LOG.debug("{} webhook not stored", provider, reason);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
    }
}
