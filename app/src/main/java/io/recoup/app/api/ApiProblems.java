package io.recoup.app.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.recoup.core.RecoupException;
import io.recoup.routes.match.ExceptionQueue;
import io.recoup.sepa.SepaException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the admin API as {@code application/problem+json} (RFC 9457, Spring's {@link ProblemDetail}) with
 * {@code errors: [{field, reason}]} naming what is wrong: a field that breaks a rule, a value of the wrong type, a
 * date that is not one, JSON that does not parse, a body over {@link RequestChecks#MAX_BODY_BYTES}. Spring's own
 * refusals (wrong method, wrong media type, no such path) come as problem details too; 409 when a request clashes
 * with what is stored. Refusals for want of a login or a role are written by the security filters in the same shape.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidRequest.class)
    public ResponseEntity<Object> invalid(InvalidRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "The request was refused", e.problems());
    }

    /** A domain or SEPA rule the request broke; its message names the field first ({@code "iban: ..."}) where it can. */
    @ExceptionHandler({RecoupException.class, SepaException.class, IllegalArgumentException.class})
    public ResponseEntity<Object> ruleBroken(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "The request was refused", List.of(RequestChecks.fromMessage("body", e.getMessage())));
    }

    /** A resolution of the exceptions queue the receipt's state or the items do not allow. */
    @ExceptionHandler(ExceptionQueue.Refused.class)
    ResponseEntity<Object> refusedResolution(ExceptionQueue.Refused e) {
        if (e.missing()) {
            return notFound(new NotFound(e.getMessage()));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request was refused", List.of(new InvalidRequest.FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(Conflict.class)
    public ResponseEntity<Object> conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, "Conflict", List.of(new InvalidRequest.FieldProblem("body", e.getMessage())));
    }

    /** Two requests made the same thing at once, or a unique value (a mandate reference) is taken already. */
    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        LOG.debug("refused as a duplicate", e);
        return problem(HttpStatus.CONFLICT, "Conflict", List.of(new InvalidRequest.FieldProblem("body",
                "clashes with what is stored already (a unique value is taken)")));
    }

    /** A failure no rule foresaw: 500 as a problem too, its detail only in the log, never in the answer. */
    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<Object> unexpected(DataAccessException e) {
        LOG.error("an API call failed on the database", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "the call failed; the log says why");
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : String.valueOf(e.getPropertyName());
        return problem(HttpStatus.BAD_REQUEST, "The request was refused", List.of(new InvalidRequest.FieldProblem(field,
                "'" + RequestChecks.shortened(String.valueOf(e.getValue())) + "' is not " + expected(e.getRequiredType()))));
    }

    @ExceptionHandler(NotFound.class)
    public ResponseEntity<Object> notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLarge) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large",
                        List.of(new InvalidRequest.FieldProblem("body", "is larger than " + RequestChecks.MAX_BODY_BYTES + " bytes")));
            }
            if (cause instanceof JsonParseException parse) {
                return problem(HttpStatus.BAD_REQUEST, "The request body is not JSON", List.of(new InvalidRequest.FieldProblem("body",
                        "is not valid JSON at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr()
                                + ": " + parse.getOriginalMessage())));
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return problem(HttpStatus.BAD_REQUEST, "The request was refused", List.of(new InvalidRequest.FieldProblem(
                        path(mismatch.getPath()), wrongValue(mismatch))));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body cannot be read",
                List.of(new InvalidRequest.FieldProblem("body", e.getMessage().startsWith("Required request body is missing")
                        ? "is required" : "cannot be read as the JSON this call takes")));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, Collection<InvalidRequest.FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, problems.stream().map(InvalidRequest.FieldProblem::toString)
                .reduce((a, b) -> a + "; " + b).orElse(title));
        problem.setTitle(title);
        problem.setProperty("errors", problems.stream().map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
        return ResponseEntity.status(status).body(problem);
    }

    /** {@code instalments[1].due} from Jackson's path of references. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String wrongValue(MismatchedInputException e) {
        String expected = expected(e.getTargetType());
        if (e instanceof InvalidFormatException format) {
            return "'" + RequestChecks.shortened(String.valueOf(format.getValue())) + "' is not " + expected;
        }
        return "has the wrong type: expected " + expected;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (BigDecimal.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        return Collection.class.isAssignableFrom(type) ? "a list" : "an object";
    }
}
