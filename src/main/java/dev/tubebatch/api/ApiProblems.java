package dev.tubebatch.api;

import dev.tubebatch.batch.BatchStateException;
import dev.tubebatch.batch.NoSuchBatchException;
import dev.tubebatch.intake.InputTooLargeException;
import dev.tubebatch.intake.PreviewsBusyException;
import dev.tubebatch.security.AccountConflictException;
import dev.tubebatch.security.NoSuchAccountException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the API as an RFC 9457 problem document. Where one field is at fault, the document names it in
 * {@code field} (a JSON path such as {@code urls[3]} or a query parameter) and its {@code detail} says what is wrong.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    /** A preview usually takes seconds: by then a place is likely free. */
    static final int PREVIEW_RETRY_AFTER_SECONDS = 5;

    /** The request is well-formed but cannot be carried out as given. */
    static final class UnprocessableException extends RuntimeException {
        final String field;

        UnprocessableException(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** A thing inside a batch (a video, its summary) does not exist. */
    static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }

    /** The batch is not in a state that allows the action. */
    static final class ConflictException extends RuntimeException {
        ConflictException(String message) {
            super(message);
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(InputTooLargeException.class)
    ProblemDetail tooLarge(InputTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Input over the limit", e.getMessage());
        problem.setProperty("field", "urls");
        return problem;
    }

    /** The node's preview places are all taken: a moment's overload, not the caller's fault, so 503 and not 429. */
    @ExceptionHandler(PreviewsBusyException.class)
    ResponseEntity<ProblemDetail> previewsBusy(PreviewsBusyException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many previews running", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(PREVIEW_RETRY_AFTER_SECONDS)).body(problem);
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Nothing to process", e.getMessage());
        problem.setProperty("field", e.field);
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return conflict(e.getMessage());
    }

    /** The service refused for the batch's state: the same answer as a control that changed nothing. */
    @ExceptionHandler(BatchStateException.class)
    ProblemDetail stateConflict(BatchStateException e) {
        return conflict(e.getMessage());
    }

    private static ProblemDetail conflict(@Nullable String detail) {
        return problem(HttpStatus.CONFLICT, "Not possible in the batch's state", detail);
    }

    @ExceptionHandler(NoSuchAccountException.class)
    ProblemDetail noSuchUser(NoSuchAccountException e) {
        return problem(HttpStatus.NOT_FOUND, "No such user", e.getMessage());
    }

    /** The name is taken, the user is configured (read-only), or it would leave no admin. */
    @ExceptionHandler(AccountConflictException.class)
    ProblemDetail accountConflict(AccountConflictException e) {
        return problem(HttpStatus.CONFLICT, "Not possible with the current users", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(NoSuchBatchException.class)
    ProblemDetail notFound(NoSuchBatchException e) {
        return problem(HttpStatus.NOT_FOUND, "No such batch", e.getMessage());
    }

    /** Malformed JSON, a wrong type or an unknown field: the problem names the JSON path. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            String path = jsonPath(jackson);
            String detail;
            if (jackson instanceof UnrecognizedPropertyException unknown) {
                detail = "unknown field '" + unknown.getPropertyName() + "'; known fields: "
                        + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                                .collect(Collectors.joining(", "));
            } else if (jackson instanceof StreamReadException) {
                detail = "the body is not valid JSON: " + firstLine(jackson.getOriginalMessage());
            } else {
                detail = "wrong type or value: " + firstLine(jackson.getOriginalMessage());
            }
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
                    (path.isEmpty() ? "" : path + ": ") + detail);
            if (!path.isEmpty()) {
                problem.setProperty("field", path);
            }
            return problem;
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", "the request needs a JSON body");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getName() + ": not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()) + ": '" + e.getValue()
                + "'");
        problem.setProperty("field", e.getName());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                e.getParameterName() + ": is required");
        problem.setProperty("field", e.getParameterName());
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "send the body as application/json");
    }

    /** A field-level message from our own validation reads "field: what is wrong". */
    private static ProblemDetail fieldProblem(HttpStatus status, String title, @Nullable String message) {
        ProblemDetail problem = problem(status, title, message);
        int colon = message == null ? -1 : message.indexOf(':');
        if (message != null && colon > 0 && message.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_.\\[\\]-]*")) {
            problem.setProperty("field", message.substring(0, colon));
        } else {
            log.debug("API request refused without a field: {}", message);
        }
        return problem;
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A problem document with its status, a title for people, and the detail that names what is wrong. */
    private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
