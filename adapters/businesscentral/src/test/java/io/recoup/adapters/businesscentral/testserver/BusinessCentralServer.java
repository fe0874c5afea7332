package io.recoup.adapters.businesscentral.testserver;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.core.MetadataParser;

/**
 * The in-test Business Central: embedded Tomcat with the API under {@code /api/v2.0} (Olingo, the real metadata parsed
 * once per JVM) and an OAuth2 token endpoint at {@code /oauth2/token}. Every API request is logged (method, path,
 * decoded query, {@code Prefer}); faults are planned per method and path; tokens can be expired at will.
 */
public final class BusinessCentralServer implements AutoCloseable {
    public static final String CLIENT_ID = "recoup-test-client";
    public static final String CLIENT_SECRET = "test-secret-not-real";

    /** One API request as the server saw it. */
    public record LoggedRequest(String method, String path, String query, Optional<String> prefer) {}

    private record Planned(String method, String pathContains, Fault fault, AtomicInteger times) {}

    private final BcData data;
    private final Tomcat tomcat = new Tomcat();
    private final List<LoggedRequest> log = new CopyOnWriteArrayList<>();
    private final List<Planned> faults = new CopyOnWriteArrayList<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger grants = new AtomicInteger();
    private volatile int tokenLifetimeSeconds = 3600;
    private int port;

    private BusinessCentralServer(BcData data) {
        this.data = data;
    }

    /** Starts a server on a free port over {@code data}. */
    public static BusinessCentralServer start(BcData data) {
        BusinessCentralServer server = new BusinessCentralServer(data);
        try {
            server.run();
        } catch (LifecycleException | IOException e) {
            throw new IllegalStateException("the in-test Business Central did not start", e);
        }
        return server;
    }

    private void run() throws LifecycleException, IOException {
        tomcat.setBaseDir(Files.createTempDirectory("bc-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "api", new ApiServlet());
        context.addServletMappingDecoded("/api/v2.0/*", "api");
        Tomcat.addServlet(context, "token", new TokenServlet());
        context.addServletMappingDecoded("/oauth2/token", "token");
        tomcat.start();
        port = connector.getLocalPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port + "/api/v2.0/";
    }

    public String tokenUrl() {
        return "http://localhost:" + port + "/oauth2/token";
    }

    public BcData data() {
        return data;
    }

    /** The next {@code times} requests with this method whose path contains {@code pathContains} get {@code fault}. */
    public void failNext(String method, String pathContains, Fault fault, int times) {
        faults.add(new Planned(method, pathContains, fault, new AtomicInteger(times)));
    }

    /** Every token issued so far stops working (as if it had expired); the next grant issues a new one. */
    public void expireTokens() {
        validTokens.clear();
    }

    public void tokenLifetimeSeconds(int seconds) {
        this.tokenLifetimeSeconds = seconds;
    }

    public int grants() {
        return grants.get();
    }

    public List<LoggedRequest> requests() {
        return List.copyOf(log);
    }

    public void clearLog() {
        log.clear();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("the in-test Business Central did not stop", e);
        }
    }

    private Optional<Fault> plannedFault(String method, String path) {
        for (Planned planned : faults) {
            if (planned.method().equals(method) && path.contains(planned.pathContains())
                    && planned.times().getAndDecrement() > 0) {
                return Optional.of(planned.fault());
            }
        }
        return Optional.empty();
    }

    /** The API: log, planned faults, bearer check, then Olingo. */
    private final class ApiServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            String path = req.getRequestURI().substring((req.getContextPath() + req.getServletPath()).length());
            String query = req.getQueryString() == null ? "" : URLDecoder.decode(req.getQueryString(), StandardCharsets.UTF_8);
            log.add(new LoggedRequest(req.getMethod(), path, query, Optional.ofNullable(req.getHeader("Prefer"))));
            Optional<Fault> fault = plannedFault(req.getMethod(), path);
            if (fault.isPresent() && fault.get() instanceof Fault.Status status) {
                if (status.retryAfterSeconds() != null) {
                    resp.setHeader("Retry-After", status.retryAfterSeconds().toString());
                }
                error(resp, status.status(), "Injected_Fault", "injected by the test");
                return;
            }
            String auth = Optional.ofNullable(req.getHeader("Authorization")).orElse("");
            if (!auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
                error(resp, 401, "Authentication_InvalidCredentials", "The credentials provided are incorrect");
                return;
            }
            org.apache.olingo.server.api.ODataHandler handler = OData.newInstance().createRawHandler(Metadata.SERVICE);
            handler.register(new BcProcessor(data));
            ODataResponse answer = handler.process(request(req, path));
            byte[] body = answer.getContent() == null ? new byte[0] : answer.getContent().readAllBytes();
            resp.setStatus(answer.getStatusCode());
            answer.getAllHeaders().forEach((name, values) -> values.forEach(v -> resp.addHeader(name, v)));
            resp.setContentLength(body.length);
            if (fault.isPresent()) {
                resp.getOutputStream().write(body, 0, body.length / 2);
                resp.flushBuffer();
                throw new ServletException("injected: connection dropped after " + body.length / 2 + " bytes");
            }
            resp.getOutputStream().write(body);
        }

        private ODataRequest request(HttpServletRequest req, String path) throws IOException {
            ODataRequest request = new ODataRequest();
            request.setMethod(HttpMethod.valueOf(req.getMethod()));
            request.setProtocol(req.getProtocol());
            request.setBody(req.getInputStream());
            for (String name : Collections.list(req.getHeaderNames())) {
                request.addHeader(name, Collections.list(req.getHeaders(name)));
            }
            String base = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + req.getContextPath()
                    + req.getServletPath();
            request.setRawBaseUri(base);
            request.setRawODataPath(path);
            String query = enumLiterals(req.getQueryString());
            request.setRawQueryPath(query);
            // the request URI keeps the query as the client sent it: next links are built from it
            request.setRawRequestUri(base + path + (query == null ? "" : "?" + req.getQueryString()));
            return request;
        }
    }

    /**
     * Business Central takes enum members in filters as plain strings ({@code status eq 'Open'}); Olingo wants them
     * typed, so the filter's enum comparisons are rewritten to {@code Microsoft.NAV.<enum>'Open'} before parsing.
     */
    static String enumLiterals(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String option : rawQuery.split("&")) {
            int eq = option.indexOf('=');
            String name = eq < 0 ? option : option.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(option.substring(eq + 1), StandardCharsets.UTF_8);
            if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals("$filter")) {
                value = value.replaceAll("\\bstatus (eq|ne) '", "status $1 Microsoft.NAV.invoiceEntityAggregateStatus'")
                        .replaceAll("\\bblocked (eq|ne) '", "blocked $1 Microsoft.NAV.customerBlocked'");
            }
            out.append(out.length() == 0 ? "" : "&").append(name).append(eq < 0 ? "" : "=")
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** OAuth2 client credentials: the right client and secret get a fresh token valid for the configured lifetime. */
    private final class TokenServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (!"client_credentials".equals(req.getParameter("grant_type")) || !CLIENT_ID.equals(req.getParameter("client_id"))
                    || !CLIENT_SECRET.equals(req.getParameter("client_secret"))) {
                resp.setStatus(401);
                resp.setContentType("application/json");
                resp.getWriter().write("{\"error\":\"invalid_client\"}");
                return;
            }
            String token = UUID.randomUUID().toString();
            validTokens.add(token);
            grants.incrementAndGet();
            resp.setContentType("application/json");
            resp.getWriter().write("{\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetimeSeconds
                    + ",\"access_token\":\"" + token + "\"}");
        }
    }

    private static void error(HttpServletResponse resp, int status, String code, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getWriter().write("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }

    /**
     * The real API v2.0 metadata, parsed once per JVM (a million-item bench must not parse it per request). Olingo's
     * parser reads {@code Scale} as a number only, while Business Central declares its decimals
     * {@code Scale="Variable"}; in memory it becomes {@code Scale="20"} (Olingo takes a missing scale as 0, which would
     * refuse every amount with cents), nothing else is changed.
     */
    static final class Metadata {
        static final ServiceMetadata SERVICE = load();

        private static ServiceMetadata load() {
            try {
                String xml = Files.readString(Fixtures.metadataFile(), StandardCharsets.UTF_8)
                        .replace(" Scale=\"Variable\"", " Scale=\"20\"");
                return new MetadataParser().parseAnnotations(false).recursivelyLoadReferences(false)
                        .implicitlyLoadCoreVocabularies(false).buildServiceMetadata(new java.io.StringReader(xml));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new IllegalStateException("the Business Central metadata cannot be parsed", e);
            }
        }
    }

}
