package gov.etax.identity.command.infrastructure.web;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Clock clock;

    public ProblemDetailsAdvice(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        ProblemDetail problem = ProblemDetails.of(refusal);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        // A 429 says when to come back, in the header clients and proxies understand.
        if (refusal.details().get("retryAt") instanceof Instant retryAt) {
            // Rounded up: a client that waits the whole header never comes back too early.
            long millis = Duration.between(clock.instant(), retryAt).toMillis();
            long seconds = Math.max(1, (millis + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response.body(problem);
    }

    /** No endpoint takes multipart bodies; one that is not even well-formed multipart is the same mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException exception) {
        return refused(CommonReason.UNSUPPORTED_MEDIA_TYPE.refusal());
    }

    /** Axon may hand a refusal over wrapped; the caller still deserves the refusal. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refused(refusal);
            }
        }
        log.error("Unexpected failure", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; nothing was changed.");
        ProblemDetails.describe(problem);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return ResponseEntity.status(refusal.reason().kind().httpStatus()).body(ProblemDetails.of(refusal));
            }
        }
        return ResponseEntity.badRequest().body(ProblemDetails.of(CommonReason.MALFORMED_REQUEST.refusal()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            ProblemDetails.describe(problem);
        }
        return response;
    }
}
