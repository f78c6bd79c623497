package dev.signalbox.panel.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.beans.TypeMismatchException;

import dev.signalbox.panel.problem.ProblemType;

/** Turns every error of the API into RFC 9457 problem+json with a stable type; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("pointer", JsonPointers.fromPropertyPath(error.getField()),
                    "detail", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Map.of("pointer", "", "detail", String.valueOf(error.getDefaultMessage()))));
        return validation(errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("pointer", "/" + result.getMethodParameter().getParameterName(),
                        "detail", String.valueOf(error.getDefaultMessage())))));
        return validation(errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = MessageReadProblems.describe(ex);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** A path id that is not a UUID names nothing that exists; a query parameter of the wrong type is invalid. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException argument
                && !argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return validation(List.of(Map.of("pointer", "/" + argument.getName(),
                    "detail", "must be " + expected(argument.getRequiredType()))), headers, request);
        }
        ProblemDetail problem = MessageReadProblems.problem(ProblemType.NOT_FOUND,
                "No such resource: '" + ex.getValue() + "' is not a valid id", null);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(404), request);
    }

    /** A blank path segment where an id belongs names nothing either. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = MessageReadProblems.problem(ProblemType.NOT_FOUND,
                "No such resource: the " + ex.getVariableName() + " is missing", null);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(404), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("pointer", "/" + lastNode(v.getPropertyPath().toString()), "detail", v.getMessage()))
                .toList();
        return validation(errors, new HttpHeaders(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> dataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
        String state = ex.getMostSpecificCause() instanceof SQLException sql ? String.valueOf(sql.getSQLState()) : "";
        ProblemType type = state.startsWith("22") ? ProblemType.VALIDATION : ProblemType.CONFLICT;
        String detail = type == ProblemType.CONFLICT
                ? "The change conflicts with existing data (a duplicate, or a resource still in use); reload and retry"
                : "A value does not fit its field";
        return respond(ex, type, detail, request);
    }

    /** Two changes to the same resources collided in the database (a lock timeout or deadlock): one lost. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyFailureException ex, WebRequest request) {
        return respond(ex, ProblemType.CONCURRENT_CHANGE,
                "Another change to the same load balancer ran at the same time; read again and retry", request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return respond(ex, ProblemType.UNAUTHORIZED, "Sign in or send an API token", request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
        return respond(ex, ProblemType.FORBIDDEN, "Your role or token scope does not allow this", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error serving {}", describe(request), ex);
        return respond(ex, ProblemType.INTERNAL, "Something went wrong on our side; it has been logged", request);
    }

    /** Every response passes here: fill in a stable type and the instance where Spring left defaults. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(statusCode);
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            ProblemType type = ProblemType.forStatus(statusCode.value());
            problem.setType(type.type());
            problem.setTitle(type.title());
        }
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return super.createResponseEntity(problem, headers, statusCode, request);
    }

    private ResponseEntity<Object> validation(List<Map<String, String>> errors, HttpHeaders headers, WebRequest request) {
        String detail = errors.isEmpty() ? "The request is invalid"
                : errors.stream().map(e -> e.get("pointer") + ": " + e.get("detail")).reduce((a, b) -> a + "; " + b)
                        .orElse("");
        ProblemDetail problem = MessageReadProblems.problem(ProblemType.VALIDATION, detail, null);
        problem.setProperty("errors", errors);
        return createResponseEntity(problem, headers, HttpStatusCode.valueOf(400), request);
    }

    private ResponseEntity<Object> respond(Exception ex, ProblemType type, String detail, WebRequest request) {
        return createResponseEntity(MessageReadProblems.problem(type, detail, null), new HttpHeaders(),
                type.status(), request);
    }

    private static String expected(@Nullable Class<?> type) {
        if (type != null && (Number.class.isAssignableFrom(type) || type == int.class || type == long.class)) {
            return "an integer";
        }
        return "a valid value";
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            return http.getMethod() + " " + http.getRequestURI();
        }
        return request.getDescription(false);
    }
}
