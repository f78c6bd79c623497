package dev.signalbox.panel.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import dev.signalbox.panel.problem.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says what is wrong with a body that could not be read, naming the field without leaking internals. */
final class MessageReadProblems {

    private MessageReadProblems() {
    }

    static ProblemDetail describe(HttpMessageNotReadableException exception) {
        if (findCause(exception, RequestBodyLimitFilter.BodyTooLargeException.class) != null) {
            return problem(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than allowed", null);
        }
        JacksonException jackson = findCause(exception, JacksonException.class);
        if (jackson == null) {
            return problem(ProblemType.MALFORMED_REQUEST, "The request body is missing or not JSON", null);
        }
        String pointer = JsonPointers.fromJacksonPath(jackson.getPath());
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return problem(ProblemType.VALIDATION, "Unknown field '" + unknown.getPropertyName() + "'", pointer);
        }
        if (jackson instanceof MismatchedInputException mismatch && !pointer.isEmpty()) {
            String expected = mismatch.getTargetType() == null ? "another type" : expectedName(mismatch.getTargetType());
            return problem(ProblemType.VALIDATION, "Wrong type or value at " + pointer + ": expected " + expected, pointer);
        }
        if (!pointer.isEmpty()) {
            return problem(ProblemType.VALIDATION, "Invalid or malformed value at " + pointer, pointer);
        }
        if (jackson instanceof StreamReadException read) {
            String where = read.getLocation() == null ? ""
                    : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr();
            return problem(ProblemType.MALFORMED_REQUEST, "Malformed JSON" + where, null);
        }
        return problem(ProblemType.MALFORMED_REQUEST, "The request body is not the expected JSON object", null);
    }

    private static String expectedName(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    static ProblemDetail problem(ProblemType type, String detail, @Nullable String pointer) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        if (pointer != null) {
            problem.setProperty("errors", List.of(Map.of("pointer", pointer, "detail", detail)));
        }
        return problem;
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
