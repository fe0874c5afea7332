package io.recoup.adapters.businesscentral.testserver;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.Binary;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Evaluates the {@code $filter} Olingo parsed against one stored row: comparisons ({@code eq ne gt ge lt le}) of
 * properties with literals (strings, numbers, dates, date-times, GUIDs, enum members given as strings), joined by
 * {@code and}, {@code or} and {@code not}. Anything else is answered 501, as a server that does not support it would.
 */
final class FilterEvaluator implements ExpressionVisitor<Object> {
    private final BcData.Stored row;

    private FilterEvaluator(BcData.Stored row) {
        this.row = row;
    }

    static boolean matches(Expression filter, BcData.Stored row) {
        try {
            return Boolean.TRUE.equals(filter.accept(new FilterEvaluator(row)));
        } catch (ExpressionVisitException | ODataApplicationException e) {
            throw new IllegalStateException("filter " + filter + " cannot be evaluated: " + e.getMessage(), e);
        }
    }

    /**
     * The lower bound the filter sets on a date-time property ({@code property ge <literal>}, alone or in a chain of
     * {@code and}s), if it sets one: rows below it cannot match, so the server skips them without evaluating the whole
     * filter, as a real Business Central answers such a filter from its index on {@code lastModifiedDateTime}.
     */
    static Optional<Instant> lowerBound(Expression filter, String property) {
        if (filter instanceof Binary b && b.getOperator() == BinaryOperatorKind.AND) {
            return lowerBound(b.getLeftOperand(), property).or(() -> lowerBound(b.getRightOperand(), property));
        }
        if (filter instanceof Binary b && (b.getOperator() == BinaryOperatorKind.GE || b.getOperator() == BinaryOperatorKind.GT)
                && b.getLeftOperand() instanceof Member m && b.getRightOperand() instanceof Literal l
                && m.getResourcePath().getUriResourceParts().size() == 1
                && m.getResourcePath().getUriResourceParts().get(0) instanceof UriResourcePrimitiveProperty p
                && p.getProperty().getName().equals(property)
                && new FilterEvaluator(null).visitLiteral(l) instanceof Instant bound) {
            return Optional.of(bound);
        }
        return Optional.empty();
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind op, Object left, Object right) throws ODataApplicationException {
        return switch (op) {
            case AND -> Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right);
            case OR -> Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right);
            case EQ -> Objects.equals(normal(left), normal(right));
            case NE -> !Objects.equals(normal(left), normal(right));
            case GT -> compare(left, right) > 0;
            case GE -> compare(left, right) >= 0;
            case LT -> compare(left, right) < 0;
            case LE -> compare(left, right) <= 0;
            default -> throw unsupported("operator " + op);
        };
    }

    @Override
    public Object visitUnaryOperator(UnaryOperatorKind op, Object operand) throws ODataApplicationException {
        if (op == UnaryOperatorKind.NOT) {
            return !Boolean.TRUE.equals(operand);
        }
        throw unsupported("operator " + op);
    }

    @Override
    public Object visitLiteral(Literal literal) {
        String text = literal.getText();
        EdmType type = literal.getType();
        if (text == null || "null".equals(text)) {
            return null;
        }
        if (text.startsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        if (type != null && type.getFullQualifiedName().equals(EdmPrimitiveTypeKind.DateTimeOffset.getFullQualifiedName())) {
            return OffsetDateTime.parse(text).toInstant();
        }
        if (type != null && type.getFullQualifiedName().equals(EdmPrimitiveTypeKind.Date.getFullQualifiedName())) {
            return LocalDate.parse(text);
        }
        if (type != null && type.getFullQualifiedName().equals(EdmPrimitiveTypeKind.Guid.getFullQualifiedName())) {
            return UUID.fromString(text);
        }
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        return new BigDecimal(text);
    }

    @Override
    public Object visitMember(Member member) throws ODataApplicationException {
        if (member.getResourcePath().getUriResourceParts().size() == 1
                && member.getResourcePath().getUriResourceParts().get(0) instanceof UriResourcePrimitiveProperty p) {
            return row.get(p.getProperty().getName());
        }
        throw unsupported("member " + member);
    }

    @Override
    public Object visitEnum(EdmEnumType type, List<String> values) {
        return values.get(0);
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind op, Object left, List<Object> right) throws ODataApplicationException {
        if (op == BinaryOperatorKind.IN) {
            return right.stream().anyMatch(r -> Objects.equals(normal(left), normal(r)));
        }
        throw unsupported("operator " + op);
    }

    @Override
    public Object visitMethodCall(MethodKind method, List<Object> parameters) throws ODataApplicationException {
        throw unsupported("method " + method);
    }

    @Override
    public Object visitLambdaExpression(String kind, String variable, Expression expression) throws ODataApplicationException {
        throw unsupported("lambda " + kind);
    }

    @Override
    public Object visitAlias(String alias) throws ODataApplicationException {
        throw unsupported("alias " + alias);
    }

    @Override
    public Object visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw unsupported("type literal " + type);
    }

    @Override
    public Object visitLambdaReference(String variable) throws ODataApplicationException {
        throw unsupported("lambda reference " + variable);
    }

    private static Object normal(Object value) {
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        if (value instanceof String s && s.length() == 36 && s.charAt(8) == '-') {
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) throws ODataApplicationException {
        Object a = normal(left);
        Object b = normal(right);
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? -1 : 1);
        }
        if (a instanceof Instant && b instanceof Instant || a instanceof BigDecimal && b instanceof BigDecimal
                || a instanceof LocalDate && b instanceof LocalDate || a instanceof String && b instanceof String) {
            return ((Comparable) a).compareTo(b);
        }
        throw unsupported("comparing " + a.getClass().getSimpleName() + " with " + b.getClass().getSimpleName());
    }

    private static ODataApplicationException unsupported(String what) {
        return new ODataApplicationException("the test server does not support " + what,
                HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), java.util.Locale.ROOT);
    }
}
