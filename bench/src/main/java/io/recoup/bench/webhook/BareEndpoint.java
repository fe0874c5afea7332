package io.recoup.bench.webhook;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the webhooks bench: a POST under {@code /webhooks/} that reads the body as the webhook endpoint does
 * and answers 200, with nothing verified or stored. Registered only by the bench, so it passes the same servlet
 * container, filter chain and security rules as the real endpoint.
 */
@RestController
public class BareEndpoint {
    static final String PATH = "/webhooks/bench-bare";

    @PostMapping(PATH)
    public ResponseEntity<Void> take(@RequestBody(required = false) byte[] body) {
        return ResponseEntity.ok().build();
    }
}
