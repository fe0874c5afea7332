package io.recoup.routes.webhook;

import io.recoup.core.retry.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs one signed webhook with the JDK's HTTP client and tells what came of it. Both waits are bounded: the
 * connection by {@code connectTimeout}, the answer's status line by {@code readTimeout}; the answer's body is never
 * read (a receiver that streams one slowly cannot hold the worker). Redirects are not followed: a subscriber names the
 * URL that takes its events.
 */
final class WebhookPoster {
    private final HttpClient http;
    private final Duration readTimeout;
    private final Clock wallClock;

    WebhookPoster(Duration connectTimeout, Duration readTimeout, Clock wallClock) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = readTimeout;
        this.wallClock = wallClock;
    }

    PostOutcome post(String url, byte[] body, Map<String, String> headers) {
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new PostOutcome.Refused("the subscription's URL cannot be used: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(readTimeout)
                .header("Content-Type", "application/json").header("User-Agent", "Recoup-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return outcome(response.statusCode(), response.headers().firstValue("Retry-After"));
        } catch (HttpTimeoutException e) {
            return new PostOutcome.Passing("no answer within " + readTimeout.toMillis() + " ms (" + e.getMessage() + ")", Optional.empty());
        } catch (IOException e) {
            return new PostOutcome.Passing("could not be delivered: " + e, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PostOutcome.Passing("interrupted while waiting for the answer", Optional.empty());
        }
    }

    private PostOutcome outcome(int status, Optional<String> retryAfter) {
        if (status >= 200 && status < 300) {
            return new PostOutcome.Accepted(status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new PostOutcome.Passing("answered " + status + retryAfter.map(r -> " (Retry-After: " + r + ")").orElse(""),
                    RetryAfter.parse(retryAfter, wallClock));
        }
        return new PostOutcome.Refused("answered " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "")
                + "; a 4xx other than 408 and 429 is not tried again");
    }
}
