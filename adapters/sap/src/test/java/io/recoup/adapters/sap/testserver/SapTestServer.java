package io.recoup.adapters.sap.testserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.olingo.odata2.api.processor.ODataResponse;

/**
 * A test SAP S/4HANA system on a real HTTP socket: {@code API_OPLACCTGDOCITEMCUBE_SRV} served by Apache Olingo v2 from
 * SAP's own EDMX (see {@link CubeService}) over a {@link CubeLedger} the test controls, an OAuth2 token endpoint, a
 * log of every request as SAP would see it (path and decoded query), and faults injected into the next requests:
 * 500, 429 with {@code Retry-After}, a connection dropped after half the body, and an answer slower than the
 * client's timeout (held {@link #SLOW_MILLIS} ms). It runs on the JDK's HTTP server
 * rather than a servlet container: Olingo v2's servlet is javax.servlet, which the Jakarta containers here do not
 * host, and the JDK server can cut a response short, which a real dropped connection needs.
 */
public final class SapTestServer implements AutoCloseable {
    public static final String SERVICE = "/sap/opu/odata/sap/API_OPLACCTGDOCITEMCUBE_SRV";
    public static final String TOKEN = "/oauth/token";
    public static final long SLOW_MILLIS = 10_000;

    /** What happens to one request. */
    public enum Fault { NONE, SERVER_ERROR, TOO_MANY_REQUESTS, DROP_MID_BODY, SLOW }

    private final CubeLedger ledger;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CubeService service;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Set<String> validTokens = new HashSet<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile String basic;
    private volatile String clientCredentials;
    private volatile int retryAfterSeconds = 1;

    public SapTestServer(CubeLedger ledger, int serverPageSize) throws IOException {
        this.ledger = ledger;
        this.service = new CubeService(ledger, serverPageSize);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(SERVICE, this::odata);
        server.createContext(TOKEN, this::token);
        server.setExecutor(executor);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public CubeLedger ledger() {
        return ledger;
    }

    /** Requires HTTP Basic with these credentials on every OData request. */
    public SapTestServer basicAuth(String user, String password) {
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Requires a bearer token issued by {@link #TOKEN} to a client with these credentials. */
    public SapTestServer oauth(String clientId, String secret) {
        this.clientCredentials = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Every token issued so far stops working, as when it expires. */
    public synchronized void expireTokens() {
        validTokens.clear();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** The next requests meet these faults, in order ({@link Fault#NONE} lets one through). */
    public synchronized void faults(Fault... next) {
        faults.addAll(List.of(next));
    }

    public void retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
    }

    /** Every OData request so far as {@code GET <path>?<decoded query>}. */
    public List<String> requests() {
        return new ArrayList<>(log);
    }

    public void clearRequests() {
        log.clear();
    }

    private void odata(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String query = uri.getRawQuery() == null ? "" : URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8);
            log.add(exchange.getRequestMethod() + " " + uri.getPath() + (query.isEmpty() ? "" : "?" + query));
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "text/plain", "unauthorized".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            Fault fault = nextFault();
            switch (fault) {
                case SERVER_ERROR -> send(exchange, 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8), false);
                case TOO_MANY_REQUESTS -> {
                    exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
                    send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8), false);
                }
                default -> {
                    if (fault == Fault.SLOW) {
                        pause();
                    }
                    ODataResponse response = service.handle(baseUrl(), uri, exchange.getRequestHeaders());
                    byte[] body = bytes(response);
                    response.getHeaderNames().forEach(h -> exchange.getResponseHeaders().add(h, response.getHeader(h)));
                    send(exchange, response.getStatus().getStatusCode(), response.getContentHeader(), body,
                            fault == Fault.DROP_MID_BODY);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Fault nextFault() {
        return faults.isEmpty() ? Fault.NONE : faults.poll();
    }

    private synchronized boolean authorized(String header) {
        if (basic != null) {
            return basic.equals(header);
        }
        if (clientCredentials != null) {
            return header != null && header.startsWith("Bearer ") && validTokens.contains(header.substring(7));
        }
        return true;
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (clientCredentials == null || !clientCredentials.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || !form.contains("grant_type=client_credentials")) {
                send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            String token = UUID.randomUUID().toString();
            synchronized (this) {
                validTokens.add(token);
            }
            tokensIssued.incrementAndGet();
            String json = "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":43199}";
            send(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private static byte[] bytes(ODataResponse response) throws IOException {
        try {
            Object entity = response.getEntity();
            if (entity == null) {
                return new byte[0];
            }
            if (entity instanceof String s) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
            try (InputStream in = response.getEntityAsStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (org.apache.olingo.odata2.api.exception.ODataException e) {
            throw new IOException(e);
        }
    }

    /** Sends a body; when {@code cut}, only its first half, after which the connection closes. */
    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean cut) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length == 0) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (cut) {
            out.write(body, 0, body.length / 2);
            out.flush();
            exchange.close(); // fewer bytes than announced: the JDK server drops the connection
            return;
        }
        out.write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
