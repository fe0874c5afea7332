package io.recoup.adapters.sap.testserver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.commons.InlineCount;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.exception.ODataException;
import org.apache.olingo.odata2.api.exception.ODataNotFoundException;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.processor.ODataSingleProcessor;
import org.apache.olingo.odata2.api.uri.KeyPredicate;
import org.apache.olingo.odata2.api.uri.UriParser;
import org.apache.olingo.odata2.api.uri.expression.OrderByExpression;
import org.apache.olingo.odata2.api.uri.expression.OrderExpression;
import org.apache.olingo.odata2.api.uri.expression.PropertyExpression;
import org.apache.olingo.odata2.api.uri.expression.SortOrder;
import org.apache.olingo.odata2.api.uri.info.GetEntitySetUriInfo;
import org.apache.olingo.odata2.api.uri.info.GetEntityUriInfo;

/**
 * Answers reads of {@code A_OperationalAcctgDocItemCube} from a {@link CubeLedger}: {@code $filter} (evaluated on the
 * tree Olingo parsed against the real EDMX), {@code $orderby}, {@code $top}, {@code $skip}, {@code $inlinecount},
 * {@code $select}, and one item by its key. With a server page size set, a request for more rows than that gets one
 * page and a {@code __next} link, as SAP Gateway's server-side paging does.
 */
final class CubeProcessor extends ODataSingleProcessor {
    private final CubeLedger ledger;
    private final int serverPageSize;

    CubeProcessor(CubeLedger ledger, int serverPageSize) {
        this.ledger = ledger;
        this.serverPageSize = serverPageSize;
    }

    @Override
    public ODataResponse readEntitySet(GetEntitySetUriInfo uri, String contentType) throws ODataException {
        EdmEntitySet set = uri.getStartEntitySet();
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> row : ledger.rows()) {
            if (RowFilter.matches(uri.getFilter(), row)) {
                matching.add(row);
            }
        }
        if (uri.getOrderBy() != null) {
            matching.sort(order(uri.getOrderBy()));
        }
        int total = matching.size();
        int skip = uri.getSkip() == null ? 0 : uri.getSkip();
        int top = uri.getTop() == null ? Integer.MAX_VALUE : uri.getTop();
        int limit = serverPageSize > 0 ? Math.min(top, serverPageSize) : top;
        List<Map<String, Object>> page = matching.subList(Math.min(skip, total), (int) Math.min(total, (long) skip + limit));
        EntityProviderWriteProperties.ODataEntityProviderPropertiesBuilder props = EntityProviderWriteProperties
                .serviceRoot(getContext().getPathInfo().getServiceRoot())
                .expandSelectTree(UriParser.createExpandSelectTree(uri.getSelect(), uri.getExpand()));
        if (uri.getInlineCount() == InlineCount.ALLPAGES) {
            props.inlineCountType(InlineCount.ALLPAGES).inlineCount(total);
        }
        if (limit < top && skip + limit < total) {
            props.nextLink(set.getName() + "?$skiptoken=" + (skip + limit));
        }
        return EntityProvider.writeFeed(contentType, set, page, props.build());
    }

    @Override
    public ODataResponse readEntity(GetEntityUriInfo uri, String contentType) throws ODataException {
        for (Map<String, Object> row : ledger.rows()) {
            if (matchesKey(uri.getKeyPredicates(), row)) {
                EntityProviderWriteProperties props = EntityProviderWriteProperties
                        .serviceRoot(getContext().getPathInfo().getServiceRoot())
                        .expandSelectTree(UriParser.createExpandSelectTree(uri.getSelect(), uri.getExpand())).build();
                return EntityProvider.writeEntry(contentType, uri.getStartEntitySet(), row, props);
            }
        }
        throw new ODataNotFoundException(ODataNotFoundException.ENTITY);
    }

    private static boolean matchesKey(List<KeyPredicate> keys, Map<String, Object> row) throws ODataException {
        for (KeyPredicate key : keys) {
            if (!key.getLiteral().equals(row.get(key.getProperty().getName()))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Map<String, Object>> order(OrderByExpression orderBy) {
        Comparator<Map<String, Object>> all = (a, b) -> 0;
        for (OrderExpression order : orderBy.getOrders()) {
            String field = ((PropertyExpression) order.getExpression()).getPropertyName();
            Comparator<Map<String, Object>> one = Comparator.comparing((Map<String, Object> r) -> sortable(r.get(field)),
                    Comparator.nullsFirst((Comparator) Comparator.naturalOrder()));
            all = all.thenComparing(order.getSortOrder() == SortOrder.desc ? one.reversed() : one);
        }
        return all;
    }

    private static Comparable<?> sortable(Object value) {
        if (value instanceof Calendar c) {
            return c.getTimeInMillis();
        }
        return value instanceof BigDecimal || value instanceof String || value instanceof Boolean ? (Comparable<?>) value : null;
    }
}
