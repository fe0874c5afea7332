package io.recoup.adapters.sap.testserver;

import java.util.Calendar;
import java.util.Map;
import java.util.Objects;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.edm.EdmLiteralKind;
import org.apache.olingo.odata2.api.edm.EdmSimpleType;
import org.apache.olingo.odata2.api.edm.EdmSimpleTypeException;
import org.apache.olingo.odata2.api.uri.expression.BinaryExpression;
import org.apache.olingo.odata2.api.uri.expression.CommonExpression;
import org.apache.olingo.odata2.api.uri.expression.FilterExpression;
import org.apache.olingo.odata2.api.uri.expression.LiteralExpression;
import org.apache.olingo.odata2.api.uri.expression.PropertyExpression;
import org.apache.olingo.odata2.api.uri.expression.UnaryExpression;

/**
 * Evaluates a {@code $filter} that Olingo parsed (and type-checked against the EDMX) on one row: {@code and},
 * {@code or}, {@code not}, and the comparisons {@code eq ne gt ge lt le} between properties and literals, which is
 * what the adapter sends. Anything else is refused loudly so a test cannot pass on a filter the server ignored.
 */
final class RowFilter {
    private RowFilter() {}

    static boolean matches(FilterExpression filter, Map<String, Object> row) throws EdmException {
        return filter == null || Boolean.TRUE.equals(eval(filter.getExpression(), row));
    }

    private static Object eval(CommonExpression e, Map<String, Object> row) throws EdmException {
        switch (e.getKind()) {
            case PROPERTY:
                return row.get(((PropertyExpression) e).getPropertyName());
            case LITERAL:
                return literal((LiteralExpression) e);
            case UNARY:
                UnaryExpression u = (UnaryExpression) e;
                Object operand = eval(u.getOperand(), row);
                return switch (u.getOperator()) {
                    case NOT -> !Boolean.TRUE.equals(operand);
                    default -> throw new UnsupportedOperationException("unary " + u.getOperator());
                };
            case BINARY:
                return binary((BinaryExpression) e, row);
            default:
                throw new UnsupportedOperationException("filter expression " + e.getKind() + " " + e.getUriLiteral());
        }
    }

    private static Object binary(BinaryExpression b, Map<String, Object> row) throws EdmException {
        Object left = eval(b.getLeftOperand(), row);
        switch (b.getOperator()) {
            case AND:
                return Boolean.TRUE.equals(left) && Boolean.TRUE.equals(eval(b.getRightOperand(), row));
            case OR:
                return Boolean.TRUE.equals(left) || Boolean.TRUE.equals(eval(b.getRightOperand(), row));
            default:
                break;
        }
        Object right = eval(b.getRightOperand(), row);
        return switch (b.getOperator()) {
            case EQ -> equal(left, right);
            case NE -> !equal(left, right);
            case GT -> left != null && right != null && compare(left, right) > 0;
            case GE -> left != null && right != null && compare(left, right) >= 0;
            case LT -> left != null && right != null && compare(left, right) < 0;
            case LE -> left != null && right != null && compare(left, right) <= 0;
            default -> throw new UnsupportedOperationException("operator " + b.getOperator());
        };
    }

    private static boolean equal(Object left, Object right) {
        if (left == null || right == null) {
            return Objects.equals(normal(left), normal(right));
        }
        return compare(left, right) == 0;
    }

    /** SAP's empty string and a missing value are the same to a filter. */
    private static Object normal(Object value) {
        return "".equals(value) ? null : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) {
        if (left instanceof Calendar l && right instanceof Calendar r) {
            return Long.compare(l.getTimeInMillis(), r.getTimeInMillis());
        }
        if (left instanceof java.math.BigDecimal l && right instanceof java.math.BigDecimal r) {
            return l.compareTo(r);
        }
        if (left.getClass() != right.getClass()) {
            throw new UnsupportedOperationException("cannot compare " + left.getClass() + " with " + right.getClass());
        }
        return ((Comparable) left).compareTo(right);
    }

    private static Object literal(LiteralExpression literal) throws EdmException {
        if (!(literal.getEdmType() instanceof EdmSimpleType type)) {
            throw new UnsupportedOperationException("literal " + literal.getUriLiteral());
        }
        if ("null".equals(literal.getUriLiteral())) {
            return null;
        }
        try {
            return type.valueOfString(literal.getUriLiteral(), EdmLiteralKind.URI, null, type.getDefaultType());
        } catch (EdmSimpleTypeException e) {
            throw new UnsupportedOperationException("literal " + literal.getUriLiteral() + ": " + e.getMessage(), e);
        }
    }
}
