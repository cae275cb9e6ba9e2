package gov.etax.identity.query.infrastructure.web;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The query side's problem+json: the same fields as the command side's (code, message, message_zh, rule). */
@RestControllerAdvice
public class QueryProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemAdvice.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        Reason reason = refusal.reason();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(reason.kind().httpStatus()),
                refusal.detail());
        problem.setTitle(reason.message());
        problem.setProperty("code", reason.code());
        problem.setProperty("message", refusal.detail());
        problem.setProperty("message_zh", reason.messageZh());
        problem.setProperty("rule", reason.rule());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** No endpoint takes multipart bodies; one that is not even well-formed multipart is the same mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException exception) {
        return refused(CommonReason.UNSUPPORTED_MEDIA_TYPE.refusal());
    }

    /** A refusal may arrive wrapped (a query's future); anything else is ours, answered without detail. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refused(refusal);
            }
        }
        log.error("Unexpected failure", exception);
        ProblemDetail problem = ProblemDetail.forStatus(CommonReason.INTERNAL_ERROR.kind().httpStatus());
        describe(problem);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(refused(CommonReason.MALFORMED_REQUEST.refusal()).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            describe(problem);
        }
        return response;
    }

    /** Spring's and the container's own errors: the common reason's code and both languages for their status. */
    static void describe(ProblemDetail problem) {
        CommonReason reason = CommonReason.forStatus(problem.getStatus());
        problem.setTitle(reason.message());
        problem.setProperty("code", reason.code());
        problem.setProperty("message", problem.getDetail() == null ? reason.message() : problem.getDetail());
        problem.setProperty("message_zh", reason.messageZh());
    }
}
