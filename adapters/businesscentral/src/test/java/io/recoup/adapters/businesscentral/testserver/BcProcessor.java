package io.recoup.adapters.businesscentral.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Link;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.EntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.queryoption.ExpandItem;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.apache.olingo.server.api.uri.queryoption.FilterOption;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;

/**
 * Answers reads and writes of the entity sets Recoup uses from {@link BcData}: companies, a company's customers,
 * salesInvoices (one, or a page of those matching {@code $filter}, with {@code $expand=customer}), customer payment
 * journals, their customerPayments (read and created) and generalLedgerEntries. A page holds at most what
 * {@code Prefer: odata.maxpagesize} asks (else 20,000 as Business Central online), and its next link carries the
 * position in the store where the next page starts, so paging a million invoices reads each once.
 */
final class BcProcessor implements EntityCollectionProcessor, EntityProcessor {
    static final int SERVER_PAGE_SIZE = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BcData data;
    private OData odata;
    private ServiceMetadata metadata;

    BcProcessor(BcData data) {
        this.data = data;
    }

    @Override
    public void init(OData odata, ServiceMetadata serviceMetadata) {
        this.odata = odata;
        this.metadata = serviceMetadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        List<UriResource> parts = uri.getUriResourceParts();
        String set = parts.get(parts.size() - 1).getSegmentValue();
        List<? extends BcData.Stored> rows = rows(parts);
        Integer asked = odata.createPreferences(request.getHeaders(HttpHeader.PREFER)).getMaxPageSize();
        int pageSize = asked == null ? SERVER_PAGE_SIZE : Math.min(asked, SERVER_PAGE_SIZE);
        int at = uri.getSkipTokenOption() == null ? 0 : Integer.parseInt(uri.getSkipTokenOption().getValue());
        FilterOption filter = uri.getFilterOption();
        EdmEntitySet entitySet = metadata.getEdm().getEntityContainer().getEntitySet(set);
        EdmEntityType type = entitySet.getEntityType();
        EntityCollection page = new EntityCollection();
        Instant since = filter == null ? null
                : FilterEvaluator.lowerBound(filter.getExpression(), "lastModifiedDateTime").orElse(null);
        for (; at < rows.size() && page.getEntities().size() < pageSize; at++) {
            BcData.Stored row = rows.get(at);
            if (since != null && row.get("lastModifiedDateTime") instanceof Instant changed && changed.isBefore(since)) {
                continue; // below the filter's lower bound: what an index would never read
            }
            if (filter == null || FilterEvaluator.matches(filter.getExpression(), row)) {
                page.getEntities().add(entity(type, row, uri.getExpandOption(), parts));
            }
        }
        if (at < rows.size()) {
            page.setNext(URI.create(request.getRawBaseUri() + request.getRawODataPath() + "?"
                    + withoutSkipToken(URI.create(request.getRawRequestUri()).getRawQuery()) + "$skiptoken=" + at));
        }
        SelectOption select = uri.getSelectOption();
        ContextURL context = ContextURL.with().entitySetOrSingletonOrType(set)
                .selectList(odata.createUriHelper().buildContextURLSelectList(type, uri.getExpandOption(), select)).build();
        response.setContent(odata.createSerializer(format).entityCollection(metadata, type, page,
                EntityCollectionSerializerOptions.with().contextURL(context).select(select)
                        .expand(uri.getExpandOption()).id(request.getRawRequestUri()).build()).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
        if (asked != null) {
            response.setHeader("Preference-Applied", "odata.maxpagesize=" + pageSize);
        }
    }

    @Override
    public void readEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        List<UriResource> parts = uri.getUriResourceParts();
        UriResourceNavigation last = navigation(parts, parts.size() - 1);
        UUID id = UUID.fromString(last.getKeyPredicates().get(0).getText());
        BcData.Stored row = rows(parts).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> notFound(last.getProperty().getName() + "(" + id + ")"));
        EdmEntityType type = last.getProperty().getType();
        write(response, format, type, last.getProperty().getName(), entity(type, row, uri.getExpandOption(), parts),
                uri.getSelectOption(), uri.getExpandOption(), HttpStatusCode.OK);
    }

    @Override
    public void createEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
                             ContentType format) throws ODataApplicationException, ODataLibraryException {
        List<UriResource> parts = uri.getUriResourceParts();
        if (parts.size() != 3 || !"customerPayments".equals(parts.get(2).getSegmentValue())) {
            throw new ODataApplicationException("the test server creates customerPayments in a journal only",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
        UUID company = companyOf(parts);
        UUID journal = UUID.fromString(navigation(parts, 1).getKeyPredicates().get(0).getText());
        if (!data.hasJournal(company, journal)) {
            throw notFound("customerPaymentJournals(" + journal + ")");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody());
        } catch (IOException e) {
            throw new ODataApplicationException("unreadable body: " + e.getMessage(), 400, Locale.ROOT);
        }
        BcData.Payment stored = data.addPayment(journal, new BcData.Payment(null, journal, 0,
                uuid(body, "customerId"), LocalDate.parse(body.path("postingDate").asText()),
                body.path("documentNumber").asText(""), body.path("externalDocumentNumber").asText(""),
                new BigDecimal(body.path("amount").asText("0")), uuid(body, "appliesToInvoiceId"),
                body.path("description").asText("")));
        EdmEntityType type = metadata.getEdm().getEntityContainer().getEntitySet("customerPayments").getEntityType();
        write(response, format, type, "customerPayments", entity(type, stored, null, parts), null, null,
                HttpStatusCode.CREATED);
    }

    @Override
    public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
                             ContentType format) throws ODataApplicationException {
        throw new ODataApplicationException("not supported by the test server", 501, Locale.ROOT);
    }

    @Override
    public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uri) throws ODataApplicationException {
        throw new ODataApplicationException("not supported by the test server", 501, Locale.ROOT);
    }

    private List<? extends BcData.Stored> rows(List<UriResource> parts) throws ODataApplicationException {
        if (parts.size() == 1) {
            return data.companies();
        }
        UUID company = companyOf(parts);
        String set = navigation(parts, 1).getProperty().getName();
        if (parts.size() >= 3 && "customerPaymentJournals".equals(set)) {
            UUID journal = UUID.fromString(navigation(parts, 1).getKeyPredicates().get(0).getText());
            return data.payments(journal);
        }
        return switch (set) {
            case "salesInvoices" -> data.invoices(company);
            case "customers" -> data.customers(company);
            case "customerPaymentJournals" -> data.journals(company);
            case "generalLedgerEntries" -> data.ledgerEntries(company);
            default -> throw new ODataApplicationException("the test server has no " + set, 501, Locale.ROOT);
        };
    }

    private UUID companyOf(List<UriResource> parts) throws ODataApplicationException {
        UriResourceEntitySet companies = (UriResourceEntitySet) parts.get(0);
        UUID id = UUID.fromString(companies.getKeyPredicates().get(0).getText());
        if (data.companies().stream().noneMatch(c -> c.id().equals(id))) {
            throw notFound("companies(" + id + ")");
        }
        return id;
    }

    private Entity entity(EdmEntityType type, BcData.Stored row, ExpandOption expand, List<UriResource> parts)
            throws ODataApplicationException {
        Entity entity = new Entity();
        for (String name : type.getPropertyNames()) {
            Object value = row.get(name);
            if (value == null) {
                continue;
            }
            EdmProperty property = type.getStructuralProperty(name);
            if (property.getType() instanceof EdmEnumType enumType) {
                entity.addProperty(new Property(null, name, ValueType.ENUM,
                        Integer.valueOf(enumType.getMember(value.toString()).getValue())));
            } else {
                entity.addProperty(new Property(null, name, ValueType.PRIMITIVE, value));
            }
        }
        if (row instanceof BcData.Invoice invoice) {
            entity.setETag("W/\"" + invoice.lastModifiedDateTime().toEpochMilli() + "\"");
            if (expand != null) {
                for (ExpandItem item : expand.getExpandItems()) {
                    expandCustomer(entity, invoice, item, parts);
                }
            }
        }
        return entity;
    }

    private void expandCustomer(Entity entity, BcData.Invoice invoice, ExpandItem item, List<UriResource> parts)
            throws ODataApplicationException {
        UriResourceNavigation navigation = (UriResourceNavigation) item.getResourcePath().getUriResourceParts().get(0);
        if (!"customer".equals(navigation.getProperty().getName())) {
            throw new ODataApplicationException("the test server expands customer only", 501, Locale.ROOT);
        }
        Link link = new Link();
        link.setTitle("customer");
        EdmEntityType customerType = (EdmEntityType) navigation.getProperty().getType();
        BcData.Customer customer = data.customer(companyOf(parts), invoice.customerId()).orElse(null);
        if (customer != null) {
            link.setInlineEntity(entity(customerType, customer, null, parts));
        }
        entity.getNavigationLinks().add(link);
    }

    private void write(ODataResponse response, ContentType format, EdmEntityType type, String set, Entity entity,
                       SelectOption select, ExpandOption expand, HttpStatusCode status) throws ODataLibraryException {
        ContextURL context = ContextURL.with().entitySetOrSingletonOrType(set)
                .selectList(odata.createUriHelper().buildContextURLSelectList(type, expand, select))
                .suffix(ContextURL.Suffix.ENTITY).build();
        response.setContent(odata.createSerializer(format).entity(metadata, type, entity,
                EntitySerializerOptions.with().contextURL(context).select(select).expand(expand).build()).getContent());
        response.setStatusCode(status.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    private static UriResourceNavigation navigation(List<UriResource> parts, int index) throws ODataApplicationException {
        if (parts.get(index) instanceof UriResourceNavigation navigation) {
            return navigation;
        }
        throw new ODataApplicationException("unexpected path segment " + parts.get(index), 501, Locale.ROOT);
    }

    private static String withoutSkipToken(String query) {
        StringBuilder kept = new StringBuilder();
        for (String option : query == null ? new String[0] : query.split("&")) {
            if (!option.isEmpty() && !option.startsWith("$skiptoken=") && !option.startsWith("%24skiptoken=")) {
                kept.append(option).append('&');
            }
        }
        return kept.toString();
    }

    private static UUID uuid(JsonNode body, String field) {
        String text = body.path(field).asText("");
        return text.isEmpty() ? null : UUID.fromString(text);
    }

    private static ODataApplicationException notFound(String what) {
        return new ODataApplicationException(what + " does not exist", HttpStatusCode.NOT_FOUND.getStatusCode(),
                Locale.ROOT);
    }
}
