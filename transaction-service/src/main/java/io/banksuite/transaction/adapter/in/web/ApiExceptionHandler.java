package io.banksuite.transaction.adapter.in.web;

import io.banksuite.runtime.web.RequestBodyLimitFilter;
import io.banksuite.transaction.domain.ClientNotFoundException;
import io.banksuite.transaction.domain.FieldError;
import io.banksuite.transaction.domain.IdempotencyKeyReusedException;
import io.banksuite.transaction.domain.InvalidRequestException;
import io.banksuite.transaction.domain.PreconditionFailedException;
import io.banksuite.transaction.domain.PreconditionRequiredException;
import io.banksuite.transaction.domain.TransactionNotFoundException;
import io.banksuite.schemas.MdcKeys;
import io.opentelemetry.api.trace.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error of the API as an RFC 9457 problem detail ({@code application/problem+json}). A 400 carries an
 * {@code errors} array naming each bad field: {@code [{"field":"amount","message":"must be positive"}]}.
 * Spring's base class already turns 404 (no such path), 405, 406 and 415 into problem details.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** The parser's words for a duplicate key (StreamReadFeature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate (?:Object property|field) \"([^\"]*)\"");

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidTransaction(InvalidRequestException e, WebRequest request) {
        return badRequest(e, e.errors(), request);
    }

    @ExceptionHandler(PageCursor.InvalidCursorException.class)
    ResponseEntity<Object> invalidCursor(PageCursor.InvalidCursorException e, WebRequest request) {
        return badRequest(e, List.of(new FieldError("cursor", e.getMessage())), request);
    }

    @ExceptionHandler(TransactionNotFoundException.class)
    ResponseEntity<Object> notFound(TransactionNotFoundException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Transaction not found");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(ClientNotFoundException.class)
    ResponseEntity<Object> clientNotFound(ClientNotFoundException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Client not found");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    /** 412 with the current version as ETag (and in the body), so that the client can read it and decide again. */
    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<Object> preconditionFailed(PreconditionFailedException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
        problem.setTitle("Precondition failed");
        HttpHeaders headers = new HttpHeaders();
        e.currentVersion().ifPresent(version -> {
            problem.setProperty("currentVersion", version);
            headers.setETag(EntityTags.of(version));
        });
        return handleExceptionInternal(e, problem, headers, HttpStatus.PRECONDITION_FAILED, request);
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<Object> preconditionRequired(PreconditionRequiredException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
        problem.setTitle("Precondition required");
        problem.setProperty("currentVersion", e.currentVersion());
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(EntityTags.of(e.currentVersion()));
        return handleExceptionInternal(e, problem, headers, HttpStatus.PRECONDITION_REQUIRED, request);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReusedException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was already used with a different request; use a new key for a new request");
        problem.setTitle("Idempotency key reused");
        problem.setProperty(e.originalProperty(), e.originalValue());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    /** Anything unexpected: logged with the trace id, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        String traceId = traceId();
        log.error("Unexpected error on {} traceId={}", request.getDescription(false), traceId, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be processed; nothing may be assumed about its effect unless it was sent"
                        + " with an Idempotency-Key, in which case it can be retried safely");
        problem.setTitle("Internal error");
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Malformed JSON, or a JSON value of the wrong shape (an object where text is expected). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestBodyLimitFilter.tooLarge(e)) {
            // A body sent without its length outgrew the limit while it was read (a declared one never gets here).
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    e.getMostSpecificCause().getMessage());
            problem.setTitle("Content Too Large");
            return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
        }
        return badRequest(e, List.of(bodyError(e)), request);
    }

    /** Bean Validation of path and query parameters. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result.getMethodParameter()),
                                messageOf(error))))
                .toList();
        return badRequest(e, errors, request);
    }

    /** Bean Validation of a {@code @Valid} body. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), messageOf(error)))
                .toList();
        return badRequest(e, errors, request);
    }

    /** A path or query parameter that cannot be converted, e.g. a transaction id that is not a UUID. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "a valid value" : "a " + e.getRequiredType().getSimpleName();
        return badRequest(e, List.of(new FieldError(Objects.requireNonNullElse(field, "parameter"),
                "must be " + expected)), request);
    }

    private ResponseEntity<Object> badRequest(Exception e, List<FieldError> errors, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(FieldError::field).distinct()
                        .collect(Collectors.joining(", ", "Invalid request: ", "")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static FieldError bodyError(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof StreamReadException read) {
            Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(read.getOriginalMessage()));
            if (duplicate.find()) {
                return new FieldError(duplicate.group(1), "appears more than once");
            }
            return new FieldError("body", "is not valid JSON");
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String path = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new FieldError(path, "has the wrong JSON type");
        }
        if (cause instanceof JacksonException) {
            return new FieldError("body", "must be a JSON object");
        }
        return new FieldError("body", "is required and must be a JSON object");
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name == null ? "parameter" : name;
    }

    private static String messageOf(MessageSourceResolvable error) {
        return Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid");
    }

    private static String traceId() {
        String fromMdc = MDC.get(MdcKeys.TRACE_ID);
        if (fromMdc != null) {
            return fromMdc;
        }
        var context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
