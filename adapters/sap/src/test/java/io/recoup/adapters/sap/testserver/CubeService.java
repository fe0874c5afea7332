package io.recoup.adapters.sap.testserver;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.odata2.api.ODataService;
import org.apache.olingo.odata2.api.ODataServiceFactory;
import org.apache.olingo.odata2.api.commons.ODataHttpMethod;
import org.apache.olingo.odata2.api.edm.provider.EdmProvider;
import org.apache.olingo.odata2.api.exception.ODataException;
import org.apache.olingo.odata2.api.processor.ODataContext;
import org.apache.olingo.odata2.api.processor.ODataRequest;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.uri.PathSegment;
import org.apache.olingo.odata2.core.ODataContextImpl;
import org.apache.olingo.odata2.core.ODataPathSegmentImpl;
import org.apache.olingo.odata2.core.ODataRequestHandler;
import org.apache.olingo.odata2.core.PathInfoImpl;
import org.apache.olingo.odata2.core.edm.provider.EdmxProvider;

/**
 * Olingo v2's request handling for the cube service, fed from the JDK HTTP server: the entity data model is parsed
 * from SAP's EDMX in {@code shared/fixtures/sap} as it is (no subset), URIs are parsed and type-checked by Olingo
 * against it, and reads are answered by {@link CubeProcessor}. What the servlet of Olingo does (path info, query
 * options, context) is done here for one request at a time.
 */
final class CubeService extends ODataServiceFactory {
    private final EdmProvider edm;
    private final CubeLedger ledger;
    private final int serverPageSize;

    CubeService(CubeLedger ledger, int serverPageSize) throws IOException {
        this.ledger = ledger;
        this.serverPageSize = serverPageSize;
        this.edm = parse(Fixtures.sap("API_OPLACCTGDOCITEMCUBE_SRV.edmx"));
    }

    static EdmProvider parse(Path edmx) throws IOException {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(edmx))) {
            return new EdmxProvider().parse(in, false);
        } catch (ODataException e) {
            throw new IOException("Olingo cannot read " + edmx + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ODataService createService(ODataContext context) throws ODataException {
        return createODataSingleProcessorService(edm, new CubeProcessor(ledger, serverPageSize));
    }

    ODataResponse handle(URI base, URI requestUri, Headers headers) throws IOException {
        try {
            PathInfoImpl path = new PathInfoImpl();
            path.setServiceRoot(URI.create(base + SapTestServer.SERVICE + "/"));
            path.setRequestUri(URI.create(base + requestUri.toString()));
            String rest = requestUri.getRawPath().substring(SapTestServer.SERVICE.length());
            List<PathSegment> segments = new ArrayList<>();
            for (String segment : rest.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(new ODataPathSegmentImpl(URLDecoder.decode(segment, StandardCharsets.UTF_8), null));
                }
            }
            path.setODataPathSegment(segments);
            path.setPrecedingPathSegment(List.of());
            Map<String, String> query = new LinkedHashMap<>();
            Map<String, List<String>> allQuery = new LinkedHashMap<>();
            if (requestUri.getRawQuery() != null) {
                for (String pair : requestUri.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    query.put(name, value);
                    allQuery.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            Map<String, List<String>> requestHeaders = new HashMap<>();
            headers.forEach((k, v) -> requestHeaders.put(k, v));
            String accept = headers.getFirst("Accept");
            ODataRequest request = ODataRequest.method(ODataHttpMethod.GET).httpMethod("GET").pathInfo(path)
                    .queryParameters(query).allQueryParameters(allQuery).requestHeaders(requestHeaders)
                    .acceptHeaders(accept == null ? List.of() : List.of(accept.split(",")))
                    .acceptableLanguages(List.of(Locale.ENGLISH)).body(new ByteArrayInputStream(new byte[0])).build();
            ODataContextImpl context = new ODataContextImpl(request, this);
            ODataService service = createService(context);
            context.setService(service);
            service.getProcessor().setContext(context);
            return new ODataRequestHandler(this, service, context).handle(request);
        } catch (ODataException e) {
            throw new IOException(e);
        }
    }
}
