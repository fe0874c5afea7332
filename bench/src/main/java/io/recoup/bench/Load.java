package io.recoup.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A bounded local load: {@code senders} threads, each with one request in flight at a time over a kept-alive HTTP/1.1
 * connection of one shared JDK HttpClient (with a cookie store, so a signed-in session carries over), share a run of
 * requests round robin. Each request's latency is taken from just before it is sent (built, signature made) to its
 * answer read; the run's time from the first send to the last answer.
 */
public final class Load {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    private final int senders;
    private final java.util.concurrent.atomic.AtomicReference<String> firstRefusal = new java.util.concurrent.atomic.AtomicReference<>();

    public Load(int senders) {
        this.senders = senders;
    }

    /** The first answer that was not 200 (status, request, redirect), if any was, to say why a run failed. */
    public Optional<String> firstRefusal() {
        return Optional.ofNullable(firstRefusal.get());
    }

    /** The client the load sends with: sign in through it, and the load's requests carry the session. */
    public HttpClient client() {
        return http;
    }

    /** What one run measured. */
    public record Run(int requests, int failures, double seconds, long[] sortedNanos, double cpuSeconds) {
        public double perSecond() {
            return requests / seconds;
        }

        public double percentileMillis(double p) {
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
            return sortedNanos[Math.max(index, 0)] / 1e6;
        }

        /** This run and {@code other} as one: their requests, failures, times and latencies added up. */
        public Run plus(Run other) {
            long[] nanos = Arrays.copyOf(sortedNanos, sortedNanos.length + other.sortedNanos.length);
            System.arraycopy(other.sortedNanos, 0, nanos, sortedNanos.length, other.sortedNanos.length);
            Arrays.sort(nanos);
            return new Run(requests + other.requests, failures + other.failures, seconds + other.seconds, nanos,
                    cpuSeconds < 0 || other.cpuSeconds < 0 ? -1 : cpuSeconds + other.cpuSeconds);
        }

        public static Run none() {
            return new Run(0, 0, 0, new long[0], 0);
        }

        /** The machine's busy CPU time per request during the run, in ms (every process), or -1 when unknown. */
        public double cpuMillisPerRequest() {
            return cpuSeconds < 0 || requests == 0 ? -1 : cpuSeconds * 1000 / requests;
        }

        public String describe() {
            return String.format("%,d requests in %.2f s = %,.0f/s, p50 %.2f ms, p99 %.2f ms%s%s", requests, seconds, perSecond(),
                    percentileMillis(0.50), percentileMillis(0.99),
                    cpuSeconds < 0 ? "" : String.format(", machine CPU %.2f ms per request", cpuMillisPerRequest()),
                    failures == 0 ? "" : ", " + failures + " NOT answered 200");
        }
    }

    /** Posts every body to {@code uri}, with the header {@code signer} makes for it (if any) just before it is sent. */
    public Run drive(URI uri, List<byte[]> bodies, Function<byte[], Optional<String>> signer) throws Exception {
        return drive(bodies.size(), k -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(k)));
            signer.apply(bodies.get(k)).ifPresent(signature -> request.header("Stripe-Signature", signature));
            return request.build();
        });
    }

    /** Sends {@code count} requests, the k-th built by {@code request} just before it is sent. */
    public Run drive(int count, IntFunction<HttpRequest> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            double cpuBefore = MachineCpu.busySeconds();
            long start = System.nanoTime();
            for (int s = 0; s < senders; s++) {
                int first = s;
                parts.add(pool.submit(() -> send(count, request, first)));
            }
            long[] all = new long[0];
            int failures = 0;
            for (Future<long[]> part : parts) {
                long[] nanos = part.get();
                for (long n : nanos) {
                    failures += n < 0 ? 1 : 0;
                }
                long[] joined = Arrays.copyOf(all, all.length + nanos.length);
                System.arraycopy(nanos, 0, joined, all.length, nanos.length);
                all = joined;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuAfter = MachineCpu.busySeconds();
            long[] sorted = Arrays.stream(all).map(Math::abs).sorted().toArray();
            return new Run(count, failures, seconds, sorted, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One sender's requests: latency in nanoseconds each, negative when the answer was not 200. */
    private long[] send(int count, IntFunction<HttpRequest> request, int first) throws IOException, InterruptedException {
        long[] nanos = new long[(count - first + senders - 1) / senders];
        int n = 0;
        for (int k = first; k < count; k += senders) {
            HttpRequest built = request.apply(k);
            long t0 = System.nanoTime();
            HttpResponse<Void> answer = http.send(built, HttpResponse.BodyHandlers.discarding());
            int status = answer.statusCode();
            long took = Math.max(1, System.nanoTime() - t0);
            if (status != 200) {
                firstRefusal.compareAndSet(null, status + " for " + built.method() + " " + built.uri().getPath()
                        + answer.headers().firstValue("Location").map(l -> " to " + l).orElse(""));
            }
            nanos[n++] = status == 200 ? took : -took;
        }
        return nanos;
    }
}
